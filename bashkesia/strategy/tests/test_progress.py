"""The roll-up arithmetic and indicator achievement, without a database."""

from decimal import Decimal as D

from bashkesia.strategy.progress import (
    Node,
    achievement,
    percent,
    roll_up,
    weighted_average,
)


def test_plain_average_when_no_child_has_a_weight():
    assert weighted_average([(None, D(20)), (None, D(40)), (None, D(90))]) == D(50)


def test_weighted_average_when_every_child_has_a_weight():
    # (3*100 + 1*0) / 4
    assert weighted_average([(D(3), D(100)), (D(1), D(0))]) == D(75)


def test_an_unweighted_child_counts_with_the_mean_weight_of_its_siblings():
    # Weights 1 and 3 average 2: (1*0 + 3*100 + 2*50) / 6 = 400 / 6
    result = weighted_average([(D(1), D(0)), (D(3), D(100)), (None, D(50))])
    assert result == D(400) / D(6)
    assert percent(result) == 67


def test_children_without_data_leave_the_average():
    assert weighted_average([(D(5), None), (None, D(30)), (None, D(50))]) == D(40)


def test_no_child_with_data_is_no_data_not_zero():
    assert weighted_average([(None, None), (D(2), None)]) is None
    assert weighted_average([]) is None


def test_zero_weights_leave_out_their_child_and_all_zero_is_plain():
    assert weighted_average([(D(0), D(100)), (D(1), D(20))]) == D(20)
    assert weighted_average([(D(0), D(100)), (D(0), D(20))]) == D(60)


def test_roll_up_goes_through_every_level_once():
    cancelled = Node(key="a3", value=None)  # cancelled: no data
    tree = Node(
        key="s",
        children=[
            Node(
                key="o1",
                weight=D(3),
                children=[
                    Node(
                        key="so1.1",
                        children=[
                            Node(key="a1", value=D(100)),
                            Node(key="a2", value=D(50)),
                            cancelled,
                        ],
                    ),
                    Node(key="so1.2", children=[Node(key="a4", value=D(0))]),
                ],
            ),
            Node(key="o2", weight=D(1), children=[Node(key="so2.1")]),
            Node(key="o3", weight=D(1), children=[]),
        ],
    )
    progress = roll_up(tree)
    assert progress["a3"] is None
    assert progress["so1.1"] == D(75)
    assert progress["so1.2"] == D(0)
    assert progress["o1"] == D("37.5")
    # A sub-objective without activities, an objective without anything:
    # no data, and they leave the strategy's average.
    assert progress["so2.1"] is None
    assert progress["o2"] is None
    assert progress["o3"] is None
    assert progress["s"] == D("37.5")


def test_a_deep_tree_does_not_exhaust_the_stack():
    node = Node(key=0, value=D(42))
    for depth in range(1, 5000):
        node = Node(key=depth, children=[node])
    assert roll_up(node)[4999] == D(42)


def test_achievement_of_an_increasing_indicator():
    args = {"baseline": D(40), "target": D(60), "increase": True}
    assert achievement(value=D(50), **args) == D(50)
    assert achievement(value=D(30), **args) == D(0)
    assert achievement(value=D(75), **args) == D(100)
    assert achievement(value=None, **args) is None


def test_achievement_of_a_decreasing_indicator():
    args = {"baseline": D(200), "target": D(100), "increase": False}
    assert achievement(value=D(175), **args) == D(25)
    assert achievement(value=D(250), **args) == D(0)
    assert achievement(value=D(90), **args) == D(100)


def test_achievement_when_the_target_is_the_baseline():
    assert achievement(baseline=D(5), target=D(5), value=D(5), increase=True) == 100
    assert achievement(baseline=D(5), target=D(5), value=D(4), increase=True) == 0
    assert achievement(baseline=D(5), target=D(5), value=D(4), increase=False) == 100


def test_percent_rounds_half_up():
    assert percent(D("62.5")) == 63
    assert percent(D("62.49")) == 62
    assert percent(None) is None
