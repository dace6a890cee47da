"""Records built through set_slots_directly behave as the dataclasses they are."""
import dataclasses
import pickle

import pytest

from marsad.records import Actor, ActorKind, Event, EventType, Mention, Modality, Span, set_slots_directly

ACTOR = Actor("x", "X", "اكس", ActorKind.PER, "LBY", "GOV")


def test_direct_init_keeps_positional_keyword_and_default_values():
    m = Mention(1, 5, "text", ACTOR, role="minister")
    assert (m.start, m.end, m.text, m.actor, m.via, m.role, m.proclitic) == (1, 5, "text", ACTOR, "name", "minister", None)
    assert dataclasses.replace(m, via="short") == Mention(1, 5, "text", ACTOR, "short", "minister")
    e = Event("e-1", "d", EventType.AGREE, None, "057", m, None, Span(0, 3, "abc"), Span(0, 9, "abcdefghi"))
    assert (e.modality, e.topics, e.confidence, e.extra_evidence) == (Modality.ASSERTED, (), 0.5, ())


def test_direct_init_records_stay_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Span(0, 1, "a").start = 2


def test_direct_init_refuses_factory_fields():
    @dataclasses.dataclass(frozen=True, slots=True)
    class WithFactory:
        items: list = dataclasses.field(default_factory=list)

    with pytest.raises(TypeError, match="WithFactory.items"):
        set_slots_directly(WithFactory)


def test_direct_init_records_pickle_and_hash_as_before():
    m = Mention(1, 5, "text", ACTOR, "short", None, "و")
    assert pickle.loads(pickle.dumps(m)) == m
    assert hash(m) == hash(Mention(1, 5, "text", ACTOR, "short", None, "و"))
