"""Parts of the activity index that a whole database does not reach easily."""

from __future__ import annotations

import numpy as np

from ipcoop.search.index import _dimension, _packed, _positions, _unpacked


def test_ids_the_index_does_not_hold_are_left_out() -> None:
    position_of = np.array([-1, 2, 0, -1, 1], dtype=np.int32)  # ids 1, 2 and 4 are indexed
    positions, known = _positions(position_of, np.array([4, 3, 9, 1, 0, 2]))
    assert positions.tolist() == [1, 2, 0]
    assert known.tolist() == [True, False, False, True, False, True]


def test_a_pair_given_twice_counts_once_and_an_empty_position_counts_as_none() -> None:
    # position 2 names value 1 twice; positions 1 and 3 name nothing
    dimension = _dimension(
        4,
        np.array([0, 2, 2, 0], dtype=np.int32),
        np.array([1, 1, 1, 2], dtype=np.int32),
        [None, "a", "b"],
        single=False,
    )
    assert dimension.count(None).tolist() == [2, 2, 1]
    assert dimension.having(["a"]).tolist() == [True, False, True, False]
    assert dimension.count(np.array([False, True, True, False])).tolist() == [1, 1, 0]


def test_bits_round_trip_past_a_word() -> None:
    mask = np.zeros(131, dtype=bool)
    mask[[0, 63, 64, 130]] = True
    assert _unpacked(_packed(mask), 131).tolist() == mask.tolist()
