import pytest

from bashkesia.core.text import cyrillic_to_latin, fold, latin_to_cyrillic


@pytest.mark.parametrize(
    "name",
    ["Fushë Kosovë", "Fushe Kosove", "FUSHË KOSOVË", "fushe-kosove"],
)
def test_albanian_spellings_fold_alike(name):
    assert fold(name) == "fushe kosove"


@pytest.mark.parametrize("name", ["Kosovo Polje", "Косово Поље", "kosovo  polje"])
def test_serbian_in_either_script_folds_alike(name):
    assert fold(name) == "kosovo polje"


def test_dj_is_the_same_in_both_scripts():
    assert fold("Đakovica") == fold("Ђаковица") == "djakovica"


def test_cyrillic_to_latin_keeps_case_and_digraphs():
    assert cyrillic_to_latin("Љубљана Њиве Џеп") == "Ljubljana Njive Džep"


def test_latin_to_cyrillic_reads_digraphs_as_one_letter():
    assert latin_to_cyrillic("Lipljan Kosovo Polje Dž") == "Липљан Косово Поље Џ"


def test_albanian_names_are_written_in_cyrillic_as_serbian_media_do():
    from bashkesia.core.text import albanian_to_cyrillic

    assert albanian_to_cyrillic("Xhevdet Thaçi") == "Џевдет Тачи"
    assert albanian_to_cyrillic("Gjergj Bytyqi") == "Ђерђ Битићи"
    assert albanian_to_cyrillic("Shkëlzen Rrahmani") == "Шкелзен Рахмани"
