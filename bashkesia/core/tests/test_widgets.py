from django import forms

from bashkesia.core.widgets import FastSelect


class Both(forms.Form):
    slow = forms.ChoiceField(
        choices=[("", "All"), ("a", "A & <b>"), ("b", "B")], required=False
    )
    fast = forms.ChoiceField(
        choices=[("", "All"), ("a", "A & <b>"), ("b", "B")],
        required=False,
        widget=FastSelect,
    )
    grouped = forms.ChoiceField(
        choices=[("Letters", [("a", "A"), ("b", "B")]), ("c", "C")],
        widget=FastSelect,
    )


def normal(html: str, name: str) -> str:
    return "".join(line.strip() for line in html.replace(name, "X").splitlines())


def test_the_fast_select_writes_what_django_writes():
    form = Both({"slow": "a", "fast": "a", "grouped": "b"})
    assert normal(str(form["fast"]), "fast") == normal(str(form["slow"]), "slow")
    assert "A &amp; &lt;b&gt;" in str(form["fast"])
    grouped = str(form["grouped"])
    assert '<optgroup label="Letters"><option value="a">A</option>' in grouped
    assert '<option value="b" selected>B</option>' in grouped

    class Slow(forms.Form):
        grouped = forms.ChoiceField(
            choices=[("Letters", [("a", "A"), ("b", "B")]), ("c", "C")]
        )

    assert normal(grouped, "grouped") == normal(
        str(Slow({"grouped": "b"})["grouped"]), "grouped"
    )
