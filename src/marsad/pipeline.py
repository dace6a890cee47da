"""The ordered stages from a raw article to coded events.

clean -> language -> story date -> normalise -> sentences -> actors -> dates
-> places -> events -> merge. Each stage computes first and attaches its
result to a new ``Doc``. Heavy resources (actor automaton, gazetteer,
lexicons) load lazily once per process and are not pickled, so a pipeline can
be shipped to worker processes or a distributed engine.
"""
from __future__ import annotations

import dataclasses
import logging
from collections.abc import Iterable
from pathlib import Path

from marsad.actors.matcher import matcher_for, shipped_matcher
from marsad.actors.resolve import ActorResolver
from marsad.arabic.normalize import normalize
from marsad.arabic.segment import segment
from marsad.events.coder import EventCoder
from marsad.errors import ResourceError
from marsad.events.merge import merge_restatements
from marsad.ingest import clean, is_arabic
from marsad.records import Article, Doc, Failure
from marsad.when import find_dates, infer_story_date
from marsad.where import find_places, load_gazetteer, shipped_gazetteer
from marsad.where.places import place_countries, place_hits

log = logging.getLogger(__name__)


class Pipeline:
    """Codes articles into events; ``run_batch`` returns one Doc or Failure per input, in order."""

    def __init__(self, *, actor_dir: Path | None = None, gazetteer: Path | None = None,
                 min_confidence: float = 0.0, require_arabic: bool = True):
        """Configure the pipeline.

        Args:
            actor_dir: an actor base folder (default: the shipped base).
            gazetteer: a gazetteer TSV (default: the shipped one).
            min_confidence: events scored below this are dropped.
            require_arabic: skip articles that are not in Arabic.
        """
        self.actor_dir = actor_dir
        self.gazetteer_path = gazetteer
        self.min_confidence = min_confidence
        self.require_arabic = require_arabic
        self._resolver: ActorResolver | None = None
        self._gaz = None
        self._coder = EventCoder()

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_resolver"] = None
        state["_gaz"] = None
        return state

    @property
    def resolver(self) -> ActorResolver:
        """The actor resolver (built on first use)."""
        if self._resolver is None:
            matcher = matcher_for(self.actor_dir) if self.actor_dir else shipped_matcher()
            self._resolver = ActorResolver(matcher)
        return self._resolver

    @property
    def gazetteer(self):
        """The gazetteer (loaded on first use)."""
        if self._gaz is None:
            self._gaz = load_gazetteer(self.gazetteer_path) if self.gazetteer_path else shipped_gazetteer()
        return self._gaz

    def warm_up(self) -> None:
        """Load every resource now (before timing, or before forking workers)."""
        _ = self.resolver, self.gazetteer
        self.run(Article("warm-up", "بحث الرئيس اليوم مع الوزير في طرابلس."))

    def run(self, article: Article) -> Doc | Failure:
        """Code one article; data problems become a Failure, the caller's batch goes on."""
        stage = "clean"
        try:
            removals, coded = clean(article.text)
            if not coded.strip():
                return Failure(article.origin or article.doc_id, "nothing left to code after removing site chrome",
                               stage, article.doc_id, skipped=True)
            stage = "language"
            if self.require_arabic and not is_arabic(coded):
                return Failure(article.origin or article.doc_id, "not Arabic text: skipped", stage,
                               article.doc_id, skipped=True)
            stage = "story date"
            notes: list[str] = []
            if article.pub_date is None:
                guess, conf = infer_story_date(coded)
                if guess is not None:
                    article = dataclasses.replace(article, pub_date=guess, pub_date_inferred=True)
                    notes.append(f"story date inferred from the text: {guess} (confidence {conf:.2f})")
            stage = "normalise"
            norm = normalize(coded)
            sentences = segment(coded)
            doc = Doc(article, removals=removals, coded_text=coded, language="ar", sentences=sentences)
            stage = "actors"
            hits = place_hits(norm, self.gazetteer)
            mentions = self.resolver.resolve(coded, norm, sentences, article.pub_date,
                                             place_countries(norm, self.gazetteer, hits),
                                             [norm.span_to_raw(h.start, h.end) for h in hits])
            stage = "dates"
            dates = find_dates(coded, article.pub_date, norm)
            notes.extend(f"{d.flag}: {d.text}" for d in dates if d.flag)
            stage = "places"
            places = find_places(coded, norm, self.gazetteer, mentions, hits)
            doc = dataclasses.replace(doc, mentions=mentions, dates=dates, places=places, notes=tuple(notes))
            stage = "events"
            events = self._coder.code(doc, norm)
            events = merge_restatements(events, sentences)
            if self.min_confidence > 0:
                events = tuple(e for e in events if e.confidence >= self.min_confidence)
            return dataclasses.replace(doc, events=events)
        except ResourceError:
            raise  # broken shipped data is not the article's fault: stop loudly
        except Exception as exc:  # one bad article must not stop the batch
            log.exception("article %s failed at stage %s", article.doc_id, stage)
            return Failure(article.origin or article.doc_id, f"{type(exc).__name__}: {exc}", stage, article.doc_id)

    def run_batch(self, articles: Iterable[Article]) -> list[Doc | Failure]:
        """Code many articles; one result per input, in order."""
        return [self.run(a) for a in articles]
