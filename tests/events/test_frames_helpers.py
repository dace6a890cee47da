"""Exact outputs of the small helpers the frame rules are built from."""
import pytest

from marsad.events.frames import _in_name


@pytest.mark.parametrize("pos, expected", [(3, False), (4, True), (9, True), (10, False), (20, True)],
                         ids=["before", "first-char", "last-char", "end-is-outside", "second-name"])
def test_in_name_is_half_open(pos, expected):
    assert _in_name(pos, [(4, 10), (18, 25)]) is expected
