"""Compile the actor base into one clitic-aware automaton and find raw hits.

Every Arabic surface form the base knows (names, generated spelling variants,
short forms, state names, nationality adjectives, capitals, titles, generic
heads, honorifics) becomes a key of one ``Lexicon``; ``resolve`` then turns
the raw hits of a document into actor mentions.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

from marsad.actors.base import ActorBase, load_base
from marsad.actors.variants import arabic_name_countries, name_variants
from marsad.arabic.lexicon import Hit, Lexicon
from marsad.arabic.normalize import normalize_key
from marsad.resources import compiled, data_path

# How a key is read, in order of preference when one surface form means several things.
PRIORITY = ("name", "fixed", "head", "country", "capital", "adj", "honorific", "short")
_RANK = {k: i for i, k in enumerate(PRIORITY)}


class Key(NamedTuple):
    """What a lexicon key stands for (a named tuple: tens of thousands are unpickled at start-up)."""

    kind: str
    """name, short, country, adj, capital, head, fixed or honorific."""
    ref: str
    """Actor id, ISO3, head index or the honorific itself."""


def adjective_forms(stem: str) -> set[str]:
    """Forms of a nisba adjective: masc./fem. singular, accusative singular after numbers ("15 سعوديا") and
    sound plurals (ال is a proclitic)."""
    s = normalize_key(stem)
    return {s, s + "ه", s + "ا", s + "ون", s + "ين", s + "ان", s + "تان", s + "ات"}


def adjective_table(base: ActorBase) -> dict[str, str]:
    """Every generated form of every state's nisba adjective -> that state's ISO3 (the first state listing it)."""
    table: dict[str, str] = {}
    for c in base.countries.values():
        for stem in c.adj:
            for form in adjective_forms(stem):
                table.setdefault(form, c.iso3)
    return table


def _rank(key: Key) -> int:
    return _RANK[key.kind]


def _entries(base: ActorBase):
    arab = arabic_name_countries()
    listed: dict[str, set[str]] = {}
    generated: dict[str, set[str]] = {}
    for e in base.entries.values():
        foreign = e.actor.kind == "PER" and (e.actor.country or "") not in arab
        for name in e.ar:
            key = normalize_key(name)
            listed.setdefault(key, set()).add(e.actor.id)
            for v in name_variants(name, foreign and any(w.isalpha() for w in name)):
                if v != key:
                    generated.setdefault(v, set()).add(e.actor.id)
        for name in e.short:
            yield name, Key("short", e.actor.id)
    for key, ids in listed.items():
        for aid in ids:
            yield key, Key("name", aid)
    for key, ids in generated.items():
        # a generated spelling that another actor also has is ambiguous: leave it out
        if key not in listed and len(ids) == 1:
            yield key, Key("name", next(iter(ids)))
    for c in base.countries.values():
        for name in c.ar:
            yield name, Key("country", c.iso3)
        for stem in c.adj:
            for form in adjective_forms(stem):
                yield form, Key("adj", c.iso3)
        for form in c.adj_extra:
            yield form, Key("adj", c.iso3)
        for cap in c.capital:
            yield cap, Key("capital", c.iso3)
    for i, h in enumerate(base.heads):
        for form in h.ar:
            yield form, Key("head", str(i))
    for i, h in enumerate(base.fixed):
        for form in h.ar:
            yield form, Key("fixed", str(i))
    for word in base.honorifics:
        yield word, Key("honorific", normalize_key(word))


class ActorMatcher:
    """The compiled actor lexicon and the base behind it."""

    def __init__(self, base: ActorBase):
        self.base = base
        # no pronoun suffixes on actor names: with ة folded to ه, "المحافظة" would read as "المحافظ" + ه
        self.lexicon: Lexicon[Key] = Lexicon(_entries(base), enclitics=False, order=_rank)

    def hits(self, norm_text: str) -> list[tuple[Hit[Key], Key]]:
        """Hits in normalised text with the preferred reading of each (all readings stay in ``Hit.values``)."""
        return [(h, h.values[0]) for h in self.lexicon.find(norm_text)]  # values are sorted by rank


def matcher_for(directory: Path | None = None) -> ActorMatcher:
    """The matcher over an actor base folder (default: the shipped one), from the compiled cache when fresh.

    The cache key covers the data files and the code that compiles them, so neither can go stale.
    """
    folder = Path(directory) if directory else data_path("actors")
    code = Path(__file__).parent
    sources = sorted(folder.glob("*.yaml")) + [data_path("actors/variants.yaml"), data_path("arabic/normalization.yaml"),
                                              data_path("arabic/clitics.yaml")] \
        + [code / "base.py", code / "matcher.py", code / "variants.py", code.parent / "arabic" / "lexicon.py",
           code.parent / "arabic" / "normalize.py", code.parent / "records.py"]
    return compiled("actors", sources, lambda: ActorMatcher(load_base(folder)))


@lru_cache(maxsize=4)
def shipped_matcher() -> ActorMatcher:
    """The matcher over the shipped actor base (compiled once per process)."""
    return matcher_for(None)
