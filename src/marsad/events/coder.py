"""Code events sentence by sentence: triggers, frames, modality, dates, places, confidence.

Confidence (documented in the README): it starts from how strong the
evidence of the trigger is (a verb or fixed phrase 0.6, a noun 0.45, a weak
trigger 0.35 less 0.1) and adds 0.15 for a source found by a clear rule
(subject or genitive), 0.15 for a target introduced as the trigger's frame
expects, 0.05 for a resolved (non-generic) actor on each side; it is capped
at 0.95.
"""
from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache
from operator import index

from marsad.arabic.normalize import Normalized, normalize_key, word_trie
from marsad.events.frames import (Frame, adverb_type, after_circumstance, armed_readings, attach, event_sides, frame,
                                  noun_doer_verbs, patient_noun, speech_verbs)
from marsad.events.lexicon import TriggerSpec, blocker_lexicon, trigger_lexicon, verb_proclitics
from marsad.events.modality import modality
from marsad.records import (Actor, ActorKind, DateMention, Doc, Event, EventType, Mention, Modality, Span,
                             set_slots_directly)
from marsad.resources import load_yaml
from marsad.where.location import event_location, inherit_locations, seat_location

_GENERIC_VIA = {"generic", "adjective"}
_NEAR = 150  # characters around a trigger within which its arguments stand
_DATE_AFTER = 45  # characters after a trigger within which a date still governs it
# events that need no target to be complete
_PURPOSE_PRO = frozenset({"ل", "ول", "فل"})
_PURPOSE_TYPES = frozenset({"SUPPORT", "AID", "COOPERATE"})
_BREAK = re.compile(r"[.،,؛;:!?؟]")
_VOTING = frozenset({"UNSC", "LEG"})
_PATIENT_OF = frozenset({EventType.ASSAULT, EventType.COERCE})
_ARMED = frozenset({EventType.ASSAULT, EventType.MOBILIZE})
_HALF_TYPES = frozenset({EventType.ASSAULT, EventType.COERCE, EventType.CONCEDE, EventType.PROTEST,
                         EventType.MOBILIZE, EventType.RETREAT})
_STOP = re.compile(r"[.؛;:!?؟]")
_DEMANDS = frozenset({"REQUEST", "ACCUSE"})
_TWO_SIDED = frozenset({EventType.AGREE, EventType.CONSULT, EventType.ASSAULT, EventType.COOPERATE})
_VERDICTS = frozenset({EventType.SUPPORT, EventType.ACCUSE})  # a refusal of a pact is aimed at its text
_ATTACHED_WORD = re.compile(r"([^\s،,.:؛\"]+)")  # the noun right after an aim word that holds its ب/ل
_REFERENT_WORD = re.compile(r"\s+(?:[وف]?(?:ب|ل(?=ل)))?([^\s،,.:؛\"]+)")  # "بالهدنة"، "للاتفاق"، " الاحتجاز"
_NEXT_WORD = re.compile(r"\s+([^\s،,.:؛\"]+)")
_ONE_SIDED = {EventType.PROTEST, EventType.RETREAT, EventType.MOBILIZE}


@set_slots_directly
@dataclass(frozen=True, slots=True)
class TriggerHit:
    """A trigger found in the text (raw offsets)."""

    start: int
    end: int
    spec: TriggerSpec
    proclitic: str
    enclitic: str
    alternatives: tuple[TriggerSpec, ...] = ()


def find_triggers(norm: Normalized) -> list[TriggerHit]:
    """Every trigger in a document's normalised text (a verb takes no article or preposition: البحث is no verb)."""
    out = []
    verb_pro = verb_proclitics()
    for h in trigger_lexicon().find(norm.text):
        specs = h.values
        if h.proclitic not in verb_pro:
            specs = tuple(v for v in specs if v.pos != "verb")
            if not specs:
                continue
        ws, e = norm.span_to_raw(h.start, h.end)
        if len(specs) == 1:  # most words have one reading
            out.append(TriggerHit(ws, e, specs[0], h.proclitic, h.enclitic))
            continue
        best = _best_spec(specs)
        alts = tuple(v for v in specs if v.type != best.type)
        out.append(TriggerHit(ws, e, best, h.proclitic, h.enclitic, alts))
    return out


def _best_spec(specs: tuple[TriggerSpec, ...]) -> TriggerSpec:
    return sorted(specs, key=lambda s: (s.weak, s.pos == "noun"))[0]


def event_id(doc_id: str, etype: str, src: str | None, tgt: str | None, start: int) -> str:
    """Content hash of an event's identity."""
    raw = f"{doc_id}|{etype}|{src}|{tgt}|{start}".encode("utf-8")
    return "e-" + hashlib.sha1(raw).hexdigest()[:16]


def confidence(spec: TriggerSpec, fr: Frame) -> float:
    """Documented score in [0, 1] (module docstring)."""
    score = 0.6 if spec.pos in ("verb", "phrase") else 0.45
    if spec.weak:
        score -= 0.1
    if fr.sources and fr.how.split("+")[0] in ("subject-before", "subject-after", "genitive"):
        score += 0.15
    if fr.targets:
        score += 0.15
    for side in (fr.sources, fr.targets):
        if side and all(m.via not in _GENERIC_VIA for m in side):
            score += 0.05
    return round(min(score, 0.95), 2)


class EventCoder:
    """Codes the events of a document whose actors, dates and places are known."""

    def code(self, doc: Doc, norm: Normalized, trace: list | None = None) -> tuple[Event, ...]:
        """Events of ``doc`` in text order.

        Args:
            trace: if given, receives (trigger, reading, frame, verdict) for every trigger, for ``marsad explain``.
        """
        art = doc.article
        sides = event_sides()
        words = _words()
        blocked = [norm.span_to_raw(h.start, h.end) for h in blocker_lexicon().find(norm.text)]
        names_only = sorted([(m.start, m.end) for m in doc.mentions] + [(p.start, p.end) for p in doc.places]
                            + [(d.start, d.end) for d in doc.dates])
        names = sorted(names_only + blocked)
        found = find_triggers(norm)
        # "مؤتمر برلين الذي عقد في 19 يناير": a conference named as an actor, and told as held
        held = {id(t): m for t in found for m in [_held_meeting(t, doc.mentions, doc.dates, art.text, words)]
                if m is not None}
        # "بحارة إيطاليين محتجزين لدى حكومة شرق ليبيا": held by the actor after لدى
        kept = {id(t): pair for t in found for pair in [_held_by(t, doc.mentions, art.text, words)] if pair}
        held.update({k: v[0] for k, v in kept.items()})
        triggers = [t for t in found if not _inside_name(t, names) or id(t) in held
                    or (_holds_blocker(t, blocked) and not _inside_name(t, names_only))]
        triggers = sorted(triggers + [c for c in (_cut_before_name(t, names_only, art.text) for t in found
                                                  if t.spec.pos == "phrase" and t.spec.type == EventType.PROTEST
                                                  and _inside_name(t, names_only))
                                      if c is not None], key=lambda t: t.start)
        # nouns that confirm a weak verb count even inside a mention ("نشر ... قوات إضافية")
        confirming = [t for t in found if t.spec.pos == "noun"]
        if not triggers or not doc.mentions:
            return ()
        r2n = _raw_to_norm(norm)
        speech = speech_verbs(norm.text)
        events: list[Event] = []
        seen: dict[tuple, list[tuple[str, int]]] = {}  # (type, source, target, sentence) -> (cameo, trigger start)
        ti = 0
        last_date: DateMention | None = None
        last_para = -1
        previous = None
        recent: list[tuple] = []
        next_topic = None
        movements: set[int] = set()  # indexes of arrivals in a capital, kept only if the purpose names a host
        pending: list[tuple] = []  # (sentence, type, source, target) of nominal halves not coded on their own
        outcomes: set[int] = set()  # triggers of harm told as the outcome of a deed before ("ما أدى إلى مقتل")
        protest = None  # (sentence, trigger end, sources, first event index) of the last protest coded
        consumed: set[int] = set()  # purpose masdars folded into the weak verb before them
        hosts: list[tuple] = []  # (sentence, trigger start, genitive) of "للقاء X" left without a target
        date_starts = [d.start for d in doc.dates]
        mention_starts = [m.start for m in doc.mentions]
        place_starts = [p.start for p in doc.places]  # (sentence, date, place, actor ids) of coded frames
        para, counted = 0, 0
        for sent in doc.sentences:
            para += art.text.count("\n", counted, sent.start)  # paragraph number, counted incrementally
            counted = sent.start
            if para != last_para:
                # a new paragraph keeps only who spoke last ("وأضاف ..."، "ودعا ..." open paragraphs of one statement)
                last_date, last_para = None, para
                previous = Frame(previous.sources, (), "paragraph", previous.pos) if previous is not None else None
            s_trig = []
            while ti < len(triggers) and triggers[ti].start < sent.end:
                if triggers[ti].start >= sent.start:
                    s_trig.append(triggers[ti])
                ti += 1
            s_dates = _within(doc.dates, date_starts, sent.start, sent.end)
            news_day = next((d for d in s_dates if _days_ago(d, art.pub_date) is not None), None)
            if news_day is not None:
                # "وكان مجلس الأمن صوت، أمس الأربعاء، ...": what its actors do in the next sentences happened that day
                recent.append((sent.index, news_day, None, {m.actor.id for m in _within(
                    doc.mentions, mention_starts, sent.start, sent.end)}))
            topic, next_topic = next_topic, _topic_of(sent, doc.mentions, mention_starts)
            speaker = _speaker(sent, doc.mentions, mention_starts, speech, norm.text, r2n)
            if speaker is not None:
                previous = Frame((speaker,), (), "speaker", "verb")  # "وقال السراج: «...»." then "وطالب ..."
            if not s_trig:
                if s_dates:
                    last_date = s_dates[0]
                continue
            mentions = [m for m in _within(doc.mentions, mention_starts, sent.start, sent.end) if m.end <= sent.end]
            s_places = _within(doc.places, place_starts, sent.start, sent.end)
            if not mentions:
                if s_dates:
                    last_date = s_dates[0]
                continue
            args = attach(norm.text, r2n, mentions, [(r2n(p.start), r2n(p.end)) for p in s_places])
            skips = [(r2n(x.start), r2n(x.end)) for x in s_dates] + \
                    [(r2n(p.start), r2n(p.end)) for p in s_places] + \
                    [(r2n(a.mention.start), r2n(a.mention.end)) for a in args]  # once per sentence, not per trigger
            ns, ne = r2n(sent.start), r2n(sent.end)
            nsent = norm.text[ns:ne]
            for t in s_trig:
                spec = t.spec
                if id(t) in consumed or _content_of_talks(t, s_trig, art.text) or _carries_noun(t, s_trig, norm.text, r2n):
                    continue
                if spec.mode == "presence" and any(o.spec.type in (EventType.CONSULT, EventType.AGREE)
                                                   and o.spec.mode != "presence" for o in s_trig):
                    continue  # "التقى السيسي حفتر بحضور عباس كامل": the present are on the host's side of that meeting
                for m in mentions:
                    if t.start - _NEAR <= m.end and m.start <= t.end + _NEAR:
                        break
                else:
                    continue  # no actor within reach: no event, and no need to frame it
                others = [(r2n(o.start), r2n(o.end)) for o in s_trig if o is not t and o.spec.pos != "noun"
                          and o.proclitic not in ("ل", "ول", "فل", "ب", "وب")]  # "لدعم": a masdar, not a verb
                in_reach = [a for a in args if a.mention.via != "adjective" or not _is_adj_far(a, t)]
                fr = frame(spec, t.start, t.end, t.enclitic, in_reach, norm.text, r2n,
                           skips, t.proclitic, previous, others, speech,
                           [(r2n(o.start), o.spec.type) for o in s_trig
                            if o is not t and o.spec.pos == "noun" and not o.enclitic],  # "زيارته" keeps no ل-phrase
                           merged_skips=True, passive=_passive(art.text, t))
                if id(t) in kept:
                    fr = Frame((kept[id(t)][0],), (kept[id(t)][1],), "held-by", "noun")
                elif id(t) in held:
                    fr = Frame((held[id(t)],), (), "held", "noun")
                    spec = replace(spec, mode="multilateral", weak=False)
                if topic is not None and fr.pos == "noun" and (bool(fr.sources) != bool(fr.targets)):
                    # "حكومة الوفاق.. تعاون استراتيجي مع أمريكا ودعم جزائري": the headline's topic is the other side
                    fr = Frame(fr.sources or (topic,), fr.targets or (topic,), fr.how + "+topic", fr.pos)
                if spec.symmetric and len(fr.sources) == 1 and not fr.targets and fr.sources[0].via == "generic" \
                        and fr.sources[0].actor.id.endswith("parties"):
                    pair = _last_pair(events, sent.index)
                    if pair is not None:
                        # "وقعت الحكومة والجبهة الثورية اتفاق سلام. وكان الطرفان قد وقعا ...": the two named before
                        fr = Frame((pair[0],), (pair[1],), fr.how + "+the-two", fr.pos)
                spec = _by_sector(spec, t.alternatives, fr)
                if spec.type == EventType.PROTEST and fr.sources and all(
                        m.via in ("capital", "country") or m.actor.sector == "GOV" for m in fr.sources):
                    spec = replace(spec, type=EventType.ACCUSE, mode=None, cameo="111")  # "احتجاج أثينا": a state's protest
                if spec.type in (EventType.ASSAULT, EventType.COERCE) and fr.sources \
                        and (fr.pos != "noun" or spec.type == EventType.COERCE) \
                        and (all(m.actor.id.endswith(("protesters", "supporters")) for m in fr.sources)
                             or (all(m.actor.sector == "CVL" and m.via == "generic" for m in fr.sources)
                                 and normalize_key(art.text[t.start:t.end])[len(t.proclitic):] in words.storming)):
                    # "اقتحم مودعون غاضبون فروع المصارف": a crowd that storms or burns is rioting
                    # "اقتحم محتجون مقار الوزارات"، "محتجون يغلقون المنشآت النفطية": what marchers do is their protest
                    spec = replace(spec, type=EventType.PROTEST, mode=None, cameo="145", weak=False)
                word = norm.text[r2n(t.start) + len(t.proclitic):r2n(t.end)]
                veto = None
                if spec.mode == "multilateral" and fr.sources and all(m.actor.sector == "LEG" for m in fr.sources) \
                        and not fr.targets and word.startswith(words.sitting):
                    veto = "a parliament's sitting is no event between actors"  # "خلال جلسته"
                if spec.mode == "measure" and words.lifted.search(norm.text, max(0, r2n(t.start) - 30), r2n(t.start)):
                    veto = "a measure lifted is no measure imposed"  # "رفعت السلطات حظر التجول"
                if spec.type == EventType.RETREAT and word.startswith(words.flight) \
                        and any(m.actor.kind == ActorKind.PER for m in fr.sources):
                    veto = "a person's flight is no withdrawal of forces"  # "فرار الرئيس"
                if spec.type in _ARMED and any(m.via == "adjective" for m in fr.sources):
                    # "غارة أمريكية": an attack's nationality is that state's armed forces
                    fr = Frame(tuple(_armed_forces(m) if m.via == "adjective" else m for m in fr.sources),
                               fr.targets, fr.how, fr.pos)
                if spec.type == EventType.AGREE and spec.mode == "sign" and fr.pos == "verb" and fr.sources \
                        and not fr.targets and all(m.actor.kind == ActorKind.ORG for m in fr.sources) \
                        and words.documents.match(norm.text, r2n(t.end), min(ne, r2n(t.end) + 40)):
                    # "«5+5» توقع في جنيف خطة لسحب المرتزقة": a body signs a text of its own
                    spec = replace(spec, mode="multilateral", weak=False)
                if spec.type in (EventType.CONSULT, EventType.AGREE) and fr.pos == "noun" and fr.sources \
                        and not fr.targets and all(m.actor.kind == ActorKind.ORG for m in fr.sources):
                    # "اجتماع اللجنة العسكرية المشتركة"، "اتفاق منتدى الحوار": a body meets or decides
                    spec = replace(spec, mode="multilateral", weak=False)
                if spec.type == EventType.AID and spec.pos == "verb" and (words.handed_over.search(
                        norm.text, r2n(t.end), min(ne, r2n(t.end) + 80)) or (
                        t.enclitic in ("ه", "هم", "هما") and word[:len(word) - len(t.enclitic)] in words.handover)):
                    # "سلمت السلطات التونسية إلى نظيرتها الليبية ثلاثة مطلوبين": handing over people is cooperation
                    spec = replace(spec, type=EventType.COOPERATE, mode=None, cameo="060")
                if spec.type == EventType.ACCUSE and word in words.describe and _praise(norm.text, r2n(t.end), ne):
                    spec = replace(spec, type=EventType.SUPPORT, cameo="051")  # "وصف بايدن الاتفاق بأنه «تاريخي»"
                if spec.type == EventType.SUPPORT and fr.sources and word in words.backing \
                        and all((m.actor.sector or "") in ("MIL", "REB") for m in fr.sources):
                    # "المرتزقة التابعة لتركيا والتي تساند السراج": armed men who back a side give military aid
                    spec = replace(spec, type=EventType.AID, mode="military", cameo="072")
                if spec.type in (EventType.SUPPORT, EventType.AID) and fr.targets:
                    switched = adverb_type(norm.text, r2n(t.end), r2n(fr.targets[0].start))
                    if switched == "AID" and spec.type == EventType.SUPPORT:
                        spec = replace(spec, type=EventType.AID, mode="military", cameo="072")
                    elif switched == "SUPPORT" and spec.type == EventType.AID:
                        spec = replace(spec, type=EventType.SUPPORT, mode=None, cameo="051")
                if norm.text.count('"', ns, r2n(t.start)) % 2 == 1 or id(t) in held:
                    pass  # inside a quotation: the speaker's words, not who acts next; a conference named in passing
                elif fr.sources or previous is None or not previous.sources:
                    previous = fr if (fr.sources or fr.targets) else previous
                elif fr.targets:
                    # a noun with only its object keeps the sentence's subject for what follows ("، متهما ...")
                    previous = Frame(previous.sources, fr.targets, previous.how, previous.pos)
                verdict = veto or _verdict(spec, fr, sides)
                if verdict.endswith("needs a target") and spec.type == EventType.ACCUSE and fr.sources \
                        and spec.pos == "verb":
                    doer = _attacker(max([t.end] + [m.end for m in fr.sources]), s_trig, mentions, events, sent.index,
                                     art.text)
                    if doer is not None:
                        # "وأدانت الولايات المتحدة الهجوم": condemning an attack blames whoever carried it out
                        fr = Frame(fr.sources, (doer,), fr.how + "+attacker", fr.pos)
                        verdict = "coded"
                if (verdict.endswith("needs a target") or verdict == "weak trigger needs both sides") \
                        and spec.type in _VERDICTS | {EventType.REJECT} and fr.sources and not fr.targets \
                        and spec.pos in ("verb", "phrase"):
                    pact = _pact_parties(norm, r2n(max([t.end] + [m.end for m in fr.sources])), args, r2n)
                    if pact:
                        # "أدانت اليونان مذكرة التفاهم الموقعة بين تركيا وحكومة الوفاق": aimed at both signatories
                        fr = Frame(fr.sources, pact, fr.how + "+pact", fr.pos)
                        verdict = "coded"
                if (verdict.endswith("needs a target") or verdict == "weak trigger needs both sides") \
                        and spec.type in _VERDICTS and fr.sources and not fr.targets and spec.pos in ("verb", "phrase"):
                    told = _referents(norm, r2n(max([t.end] + [m.end for m in fr.sources])), events, sent.index, fr)
                    if told:
                        # "ورحب بايدن بالهدنة": a verdict on an event told before is aimed at those who did it
                        fr = Frame(fr.sources, told, fr.how + "+referent", fr.pos)
                        verdict = "coded"
                if spec.type == EventType.CONSULT and fr.how == "genitive" and not fr.targets:
                    hosts.append((sent.index, t.start, fr.sources[0]))
                if verdict in ("weak trigger needs both sides", "CONSULT needs a target") and fr.sources \
                        and not fr.targets and spec.type == EventType.CONSULT and spec.pos == "verb":
                    talks = next((o for o in s_trig if o.spec.type == EventType.CONSULT and o.spec.pos == "noun"
                                  and 0 < o.start - t.end <= 120 and not _STOP.search(art.text, t.end, o.start)), None)
                    tf = talks and frame(talks.spec, talks.start, talks.end, talks.enclitic, args, norm.text, r2n, skips,
                                         talks.proclitic, None, others, speech, [], merged_skips=True)
                    if tf and tf.how == "between":
                        # "افتتح بوريطة جولة مفاوضات بين ممثلين عن مجلس النواب والأعلى للدولة": the host meets both
                        fr = Frame(fr.sources, tf.sources + tf.targets, fr.how + "+talks", fr.pos)
                        verdict = "coded"
                if verdict == "CONSULT needs a target" and spec.mode == "visit" and fr.sources and fr.pos == "noun":
                    host = next((o for o in s_trig if o.spec.mode == "host" and 0 < o.start - t.end <= 90), None)
                    hf = host and frame(host.spec, host.start, host.end, host.enclitic, args, norm.text, r2n, skips,
                                        host.proclitic, None, others, speech, [], merged_skips=True)
                    if hf and hf.sources and hf.sources[0].actor.id not in {m.actor.id for m in fr.sources}:
                        # "وتعد زيارة وزير الخارجية الإيطالي الثالثة لمسؤول أوروبي استقبله حفتر": to whoever received him
                        fr = Frame(fr.sources, hf.sources[:1], fr.how + "+host", fr.pos)
                        verdict = "coded"
                if verdict == "REQUEST needs a target" and fr.sources and spec.pos == "verb":
                    call = next((o for o in s_trig if o.spec.type == EventType.CONSULT and 0 < o.start - t.end <= 90
                                 and after_circumstance(norm.text, r2n(o.start))), None)
                    cf = call and frame(call.spec, call.start, call.end, call.enclitic, args, norm.text, r2n, skips,
                                        call.proclitic, None, others, speech, [], merged_skips=True)
                    if cf and cf.targets:
                        # "ودعا بلينكن، في اتصال هاتفي مع سعيد، إلى ...": the call is made to the one spoken with
                        fr = Frame(fr.sources, cf.targets, fr.how + "+addressee", fr.pos)
                        verdict = "coded"
                if spec.type == EventType.MOBILIZE and spec.pos == "verb" and fr.sources and not fr.targets:
                    troops = next((m for m in mentions if m.start >= t.end), None)
                    if troops is not None and troops.start - t.end <= 16 and not (troops.proclitic or "").strip("و") \
                            and troops.actor.sector in _FORCES and not _BREAK.search(art.text, t.end, troops.start) \
                            and troops.actor.country in {m.actor.country for m in fr.sources}:
                        # "الحكومة الباكستانية تنشر الجيش"، "ينشر 40 ألف شرطي": its own forces are what it deploys
                        fr = Frame(fr.sources, (), fr.how + "+own-forces", fr.pos)
                        verdict = "coded"
                if verdict == "weak trigger needs both sides" and fr.sources and _reinforced(t, confirming) \
                        and (fr.targets or spec.type in sides.targetless):
                    verdict = "coded"  # "نشر الجيش تعزيزات": the noun after the weak verb confirms it
                elif verdict == "weak trigger needs both sides" and fr.sources and not fr.targets:
                    purpose = _purpose(t, s_trig, mentions, art.text)
                    if purpose is not None:
                        # "أرسلت أنقرة قوات عسكرية لدعم الحكومة": the purpose names whom the sending serves
                        consumed.add(id(purpose[0]))
                        fr = Frame(fr.sources, (purpose[1],), fr.how + "+purpose", fr.pos)
                        verdict = "coded"
                if protest and protest[0] == sent.index and protest[1] < t.start and spec.type in _DEMANDS \
                        and verdict.endswith("needs a target") and fr.how == "subject-after" and spec.pos == "verb":
                    fr = Frame((), fr.sources, "object", fr.pos)  # "مسيرات تطالب الجيش": the marches demand
                    verdict = "REQUEST needs a source"
                if verdict.endswith("needs a target") and spec.type == EventType.REJECT and fr.sources \
                        and any(v in word + norm.text[r2n(t.end):r2n(t.end) + 40] for v in words.vote):
                    body = _voting_body(doc.mentions, mention_starts, sent, doc.sentences)
                    if body is not None:  # "فيما امتنعت روسيا عن التصويت": against the council voting
                        fr = Frame(fr.sources, (body,), fr.how + "+vote", fr.pos)
                        verdict = "coded"
                culprits = verdict.endswith("needs a target") and spec.type in _AT_CULPRITS and fr.sources \
                    and words.culprits.search(norm.text, r2n(t.end), r2n(t.end) + 60)
                if culprits and not _STOP.search(norm.text, r2n(t.end), culprits.start()):
                    doer = _last_doer(events, pending, sent.index, {m.actor.id for m in fr.sources})
                    if doer is not None:  # "وتوعد بملاحقة منفذي الهجوم": whoever carried out the attack told before
                        fr = Frame(fr.sources, (doer,), fr.how + "+culprits", fr.pos)
                        verdict = "coded"
                if verdict.endswith("needs a source") and spec.type in _DEMANDS and fr.targets and protest \
                        and protest[0] == sent.index and protest[1] < t.start:
                    # "خرج آلاف المتظاهرين ... في مسيرات تطالب الجيش بـ": the marchers demand, and protest at, him
                    fr = Frame(protest[2], fr.targets, fr.how + "+protesters", fr.pos)
                    verdict = "coded"
                    events[protest[3]:] = [replace(e, target=fr.targets[0], event_id=event_id(
                        art.doc_id, e.type, e.source and e.source.actor.id, fr.targets[0].actor.id, e.trigger.start))
                        if e.type == EventType.PROTEST and e.target is None else e for e in events[protest[3]:]]
                if verdict == "coded" and spec.type == EventType.MOBILIZE and not fr.targets:
                    aim = _aim(t, mentions, art.text, fr)
                    if aim is not None:
                        fr = Frame(fr.sources, (aim,), fr.how + "+aim", fr.pos)  # "نشر قوات لملاحقة المهاجمين"
                if verdict == "coded" and spec.type == EventType.PROTEST:
                    aim = _protest_aim(t, s_trig, mentions, norm, r2n, art.text)
                    if aim is not None:
                        # "تظاهر آلاف ... تنديدا بالقصف الإسرائيلي": what the march is against names its target,
                        # and "رفضا" there is the march's reason, no refusal of its own
                        consumed.update(id(o) for o in aim[1])
                        if not fr.targets:
                            fr = Frame(fr.sources, (aim[0],), fr.how + "+aim", fr.pos)
                    elif not fr.targets:
                        against = words.protest_aims.search(norm.text, r2n(t.end), r2n(t.end) + 80)
                        told = against and not _STOP.search(norm.text, r2n(t.end), against.start()) and _referents(
                            norm, against.end(), events, sent.index, fr, attached=True)
                        if told:
                            # "خرج آلاف ... رفضا للانقلاب": against those who staged the coup told before
                            consumed.update(id(o) for o in s_trig if against.end() <= r2n(o.start) < against.end() + 12)
                            fr = Frame(fr.sources, told, fr.how + "+aim", fr.pos)
                if trace is not None:
                    trace.append((t, spec, fr, verdict))
                if verdict == "a nominal event needs its source and target" and spec.type in _HALF_TYPES \
                        and bool(fr.sources) != bool(fr.targets):
                    # "أعلنت حركة الشباب مسؤوليتها عن الهجوم": half an event, kept to complete the other half
                    pending.append((sent.index, spec.type, fr.sources[0] if fr.sources else None,
                                    fr.targets[0] if fr.targets else None))
                if fr.how == "patient-genitive" and fr.sources and fr.sources[0].end <= t.start:
                    outcomes.add(t.start)
                if verdict != "coded":
                    if fr.sources and s_dates:
                        # an uncoded statement still dates what its actors do next ("صوت المجلس، أمس، ...")
                        near = _nearest(s_dates, t.start, max([t.end] + [m.end for m in fr.sources]))
                        if near is not None and near.date:
                            recent.append((sent.index, near, None, {m.actor.id for m in fr.sources}))
                    continue
                mod = modality(nsent, r2n(t.start) - ns, t.proclitic, fr.pos == "noun", spec.type == EventType.THREATEN,
                               spec.type in (EventType.REQUEST, EventType.ACCUSE) or fr.how == "held-by")
                reach = max([t.end] + [m.end for m in fr.sources + fr.targets])
                date = _nearest(s_dates, t.start, reach)
                if date is not None and mod == Modality.ASSERTED and date.date and art.pub_date \
                        and date.date > art.pub_date:
                    mod = Modality.PLANNED  # "الإضراب العام يوم الأحد المقبل"
                if date is None:
                    date = _recent_date(recent, sent.index, fr) or last_date
                    if mod == Modality.ASSERTED and date is not None and date.date and art.pub_date \
                            and date.date > art.pub_date:
                        date = None  # "... الاثنين المقبل. واعتقل الجيش": a day to come does not date what was done
                place = event_location(art.text, s_places, mentions, (t.start, t.end), spec.mode == "visit",
                                       (sent.start, sent.end), spec.type == EventType.RETREAT,
                                       frozenset(m.actor.country for m in fr.sources + fr.targets if m.actor.country),
                                       frozenset(m.actor.id for m in fr.targets), delivery=spec.type == EventType.AID)
                conf = confidence(spec, fr)
                if id(t) in held and id(t) not in kept:  # "مؤتمر برلين": where the conference met is in its name
                    place = next((p for p in s_places if held[id(t)].start <= p.start < held[id(t)].end), place)
                if place is None:
                    place = _recent_place(recent, sent.index, fr)
                if place is None:
                    # "حفتر ووزير الخارجية الإيطالي يبحثان ...": at Haftar's seat, which the article names elsewhere
                    place = seat_location({m.actor.id for m in fr.sources + fr.targets}, doc.places, t.start)
                if place is None:
                    place = _home_place(recent, sent.index, fr)
                recent.append((sent.index, date if date is not None and date.date else None, place,
                               {m.actor.id for m in fr.sources + fr.targets}))
                if spec.type == EventType.PROTEST and fr.sources:
                    protest = (sent.index, t.end, fr.sources, len(events))
                for src in [m if m.via != "unidentified" else None for m in fr.sources] or (None,):
                    for tgt in [m if m.via != "unidentified" else None for m in fr.targets] or (None,):
                        if src is None and tgt is None:
                            continue
                        if src is not None and tgt is not None and src.actor.id == tgt.actor.id:
                            continue
                        if src is not None and tgt is not None and src.actor.country == tgt.actor.country \
                                and {src.via, tgt.via} & {"country", "capital"} \
                                and (src.actor.sector or "GOV") == "GOV" and (tgt.actor.sector or "GOV") == "GOV":
                            continue  # "انتقدت الولايات المتحدة ... وزارة الخارجية الأمريكية": one side, not two
                        key = (spec.type, src and src.actor.id, tgt and tgt.actor.id, sent.index)
                        # two codes of one type told apart are two events ("اتفاق المنتدى على موعد ... وأخيرا تصويت
                        # المنتدى على آلية"); receiving and talking with a guest, or a threat and the veto it names,
                        # are one
                        if any(c == spec.cameo or spec.type == EventType.CONSULT or abs(p - t.start) < _APART
                               for c, p in seen.get(key, ())):
                            continue
                        seen.setdefault(key, []).append((spec.cameo, t.start))
                        if spec.weak and spec.mode == "visit" and tgt is not None and tgt.via in ("capital", "country"):
                            movements.add(len(events))  # "وصل باتيلي إلى طرابلس": an arrival, unless a host is named
                        events.append(Event(
                            event_id=event_id(art.doc_id, spec.type, key[1], key[2], t.start),
                            doc_id=art.doc_id, type=EventType(spec.type), mode=spec.mode, cameo=spec.cameo,
                            source=src, target=tgt,
                            trigger=Span(t.start, t.end, art.text[t.start:t.end]),
                            evidence=Span(sent.start, sent.end, sent.text),
                            modality=mod, date=date, story_date=art.pub_date, location=place,
                            topics=spec.topics, confidence=conf, sentence_index=sent.index))
            if s_dates:
                last_date = s_dates[-1]
        events = _dates_told_later(_visit_hosts(events, hosts, art.doc_id, movements))
        return tuple(inherit_locations(_pair_halves(events, art.doc_id, pending, outcomes), replace))


def _dates_told_later(events: list[Event]) -> list[Event]:
    """"بعد لقائه مسؤولين عن فرنسا ... وأمس الأربعاء، استقبل حفتر مدير ... الفرنسية": an event whose sentence
    gives no date takes the date of the same meeting told with one a few sentences later (same type and
    source, target of the same state)."""
    out = []
    for i, e in enumerate(events):
        own = e.date is not None and e.evidence.start <= e.date.start < e.evidence.end
        if not own and e.source is not None and e.target is not None:
            later = next((o for o in events[i + 1:] if 0 < o.sentence_index - e.sentence_index <= 6
                          and o.type == e.type and o.source is not None and o.target is not None
                          and o.source.actor.id == e.source.actor.id and o.target.actor.id != e.target.actor.id
                          and o.target.actor.country == e.target.actor.country
                          and o.date is not None and o.evidence.start <= o.date.start < o.evidence.end), None)
            if later is not None:
                e = replace(e, date=later.date)
        out.append(e)
    return out


def _armed_forces(m):
    """The armed forces of the state an adjective names, as the same mention."""
    a = m.actor
    forces = Actor(f"{a.id}_armed_forces", f"{a.name} armed forces", "", ActorKind.ORG, a.country, "MIL")
    return replace(m, actor=forces)


def _pair_halves(events: list[Event], doc_id: str, pending: list[tuple] = (), outcomes: set[int] = frozenset()
                 ) -> list[Event]:
    """One act told in two halves in one sentence ("قتل عشرة جنود في هجوم شنه مسلحون": the victims
    in one clause, the doers in the other) is one event; a half next to a whole event of the same
    type in its sentence says nothing more and is dropped, unless the whole is its outcome (``outcomes``:
    "قصفت القوات الروسية أحياء سكنية، ما أدى إلى مقتل خمسة مدنيين" is a shelling and a killing).
    ``pending`` nominal halves ("تبنى X الهجوم") only complete a coded half."""
    groups: dict[tuple, list[int]] = {}
    for i, e in enumerate(events):
        if e.type in _HALF_TYPES:
            groups.setdefault((e.sentence_index, e.type), []).append(i)
    for (sent, etype), idx in groups.items():
        whole = any(events[i].source is not None and events[i].target is not None for i in idx)
        for p_sent, p_type, p_src, p_tgt in pending:
            if whole or p_sent != sent or p_type != etype:
                continue
            for i in idx:
                e = events[i]
                if e.source is None and p_src is not None and p_src.actor.id != e.target.actor.id:
                    events[i] = replace(e, source=p_src, event_id=event_id(doc_id, e.type, p_src.actor.id,
                                                                            e.target.actor.id, e.trigger.start))
                    whole = True
                    break
                if e.target is None and p_tgt is not None and p_tgt.actor.id != e.source.actor.id:
                    events[i] = replace(e, target=p_tgt, event_id=event_id(doc_id, e.type, e.source.actor.id,
                                                                            p_tgt.actor.id, e.trigger.start))
                    whole = True
                    break
    drop: set[int] = set()
    for idx in groups.values():
        if len(idx) < 2:
            continue
        whole = [i for i in idx if events[i].source is not None and events[i].target is not None]
        doers = [i for i in idx if events[i].target is None]
        victims = [i for i in idx if events[i].source is None]
        if whole:
            results = {events[w].source.actor.id for w in whole if events[w].trigger.start in outcomes}
            drop.update(victims)
            drop.update(i for i in doers if events[i].source.actor.id not in results)
        elif doers and victims and events[doers[0]].modality == events[victims[0]].modality:
            d, v = events[doers[0]], events[victims[0]]
            first = d if d.trigger.start <= v.trigger.start else v
            events[idx[0]] = replace(first, source=d.source, target=v.target, event_id=event_id(
                doc_id, first.type, d.source.actor.id, v.target.actor.id, first.trigger.start))
            drop.update(i for i in doers[:1] + victims[:1] if i != idx[0])
    return [e for i, e in enumerate(events) if i not in drop]


def _topic_of(sent, mentions, starts: list[int]):
    """A headline made of one actor and ".." or ":" ("حكومة الوفاق..") names the topic of the line after it."""
    if not sent.text.rstrip().endswith(("..", ":", "…")):
        return None
    inside = _within(mentions, starts, sent.start, sent.end)
    if len(inside) == 1 and len(sent.text.rstrip(" .:…")) - (inside[0].end - inside[0].start) <= 1:
        return inside[0]
    return None


def _visit_hosts(events: list[Event], hosts: list[tuple], doc_id: str, movements: set[int] = frozenset()) -> list[Event]:
    """"توجه X إلى طرابلس للقاء Y": a visit to a city names its host in the purpose clause after it; an arrival
    (``movements``) whose purpose names nobody is travel, not an event."""
    out = []
    for k, e in enumerate(events):
        if e.mode == "visit" and (e.target is None or e.target.via in ("capital", "country")):
            host = next((m for i, start, m in hosts if i == e.sentence_index and start > e.trigger.start
                         and m.actor.kind == ActorKind.PER
                         and m.actor.id != (e.source.actor.id if e.source else None)), None)
            if host is not None:
                e = replace(e, target=host, event_id=event_id(doc_id, e.type, e.source and e.source.actor.id,
                                                              host.actor.id, e.trigger.start))
            elif k in movements:
                continue
        out.append(e)
    return out


def _within(items, starts: list[int], lo: int, hi: int) -> list:
    """Items (sorted by start) that start in [lo, hi)."""
    return list(items[bisect_left(starts, lo):bisect_left(starts, hi)])


def _attacker(end: int, triggers: list[TriggerHit], mentions, events: list[Event], sent_index: int,
              text: str) -> Mention | None:
    """Who carried out the attack a condemnation (its verb and subject end at ``end``) names as its object: the
    actor of a relative clause right after it ("بالهجوم الذي نفذه مسلحون"), else the doer of the last attack
    coded a few sentences before."""
    noun = next((o for o in triggers if o.spec.type == EventType.ASSAULT and o.spec.pos == "noun"
                 and 0 <= o.start - end <= 12), None)
    if noun is None:
        return None
    m = next((m for m in mentions if m.start >= noun.end), None)
    if m is not None and m.start - noun.end <= 30 and not m.proclitic and not _BREAK.search(text, noun.end, m.start) \
            and _words().relative_agent.match(normalize_key(text[noun.end:m.start]) + " "):
        return m
    for e in reversed(events):
        if sent_index - e.sentence_index > _ATTACK_REACH:
            break
        if e.type == EventType.ASSAULT and e.source is not None and e.modality == Modality.ASSERTED:
            return e.source
    return None


def _referents(norm: Normalized, end: int, events: list[Event], sent_index: int, fr: Frame,
               attached: bool = False) -> tuple[Mention, ...]:
    """Who did the event a definite noun right after a verdict (normalised offset ``end``) refers back to: the
    parties of the last agreement coded a few sentences before ("بالهدنة"), or the doer of the last detention,
    attack or decision ("الاحتجاز"، "بالقرار")."""
    m = (_ATTACHED_WORD if attached else _REFERENT_WORD).match(norm.text, end)
    if m is None:
        return ()
    word = m.group(1)
    second = _NEXT_WORD.match(norm.text, m.end())  # "عملية الخطف"، "الهجوم الإرهابي": two words name the event
    found = (second and _words().referents.get(word + " " + second.group(1))) or _words().referents.get(word) \
        or (_words().referents.get("ا" + word) if word.startswith("ل") else None)
    if found is None:
        return ()
    types, side = found
    own = {x.actor.id for x in fr.sources}
    for k in range(len(events) - 1, -1, -1):
        e = events[k]
        if sent_index - e.sentence_index > _ATTACK_REACH:
            break
        if e.type not in types or e.modality != Modality.ASSERTED or e.sentence_index == sent_index:
            continue
        sides = [e.source] if side == "doer" else [x.source for x in events if x.trigger == e.trigger] + \
            [x.target for x in events if x.trigger == e.trigger]
        out: dict[str, Mention] = {}
        for x in sides:
            if x is not None and x.actor.id not in own:
                out.setdefault(x.actor.id, x)
        return tuple(out.values())
    return ()


def _last_doer(events: list[Event], pending: list[tuple], sent_index: int, own: set[str]) -> Mention | None:
    """The doer of the last attack told a few sentences before, when the text named one (in a coded event, or in
    the half of one that names only the doer: "في هجوم شنه تنظيم الدولة")."""
    told = [(e.sentence_index, e.source) for e in events if e.type == EventType.ASSAULT
            and e.modality == Modality.ASSERTED] + [(p[0], p[2]) for p in pending if p[1] == EventType.ASSAULT]
    for index, doer in sorted(told, key=lambda x: x[0], reverse=True):
        if sent_index - index > _ATTACK_REACH:
            return None
        if doer is not None and doer.actor.id not in own:
            return doer
    return None


def _last_pair(events: list[Event], sent_index: int) -> tuple[Mention, Mention] | None:
    """The two sides of the last two-sided event a few sentences back, for "الطرفان"."""
    for e in reversed(events):
        if sent_index - e.sentence_index > 3:
            return None
        if e.source is not None and e.target is not None and e.type in _TWO_SIDED:
            return e.source, e.target
    return None


def _pact_parties(norm: Normalized, end: int, args, r2n) -> tuple[Mention, ...]:
    """The two sides of an agreement named right after a verdict with "بين X و Y" (normalised offset ``end``)."""
    m = _REFERENT_WORD.match(norm.text, end)
    if m is None:
        return ()
    word = m.group(1)
    found = _words().referents.get(word) or _words().referents.get("ال" + word)
    if found is None or found[1] != "parties":
        return ()
    for k, a in enumerate(args):
        na = r2n(a.mention.start)
        if a.prep == "بين" and end < na <= end + 60 and not _STOP.search(norm.text, end, na) \
                and k + 1 < len(args) and args[k + 1].coord:
            return a.mention, args[k + 1].mention
    return ()


def _praise(norm: str, end: int, limit: int) -> bool:
    """The words of a description after its verb (up to the end of the quotation or clause) praise."""
    q = norm.find('"', end, limit)
    if q < 0 or q - end > 80:
        return False
    close = norm.find('"', q + 1, limit)
    quoted = norm[q + 1:close if close > 0 else min(limit, q + 60)]
    return _words().praise.search(quoted) is not None and not _words().unpraise.intersection(quoted.split())


def _speaker(sent, mentions, starts, speech: list[tuple[int, int]], norm: str, r2n) -> Mention | None:
    """The actor right after a verb of saying that opens the sentence ("وقال السراج: ..."), if any."""
    ns = r2n(sent.start)
    k = bisect_left(speech, (ns - 1, 0))  # a verb's span may start at the space before it
    if k >= len(speech) or speech[k][0] - ns > 2:
        return None
    first = next(iter(_within(mentions, starts, sent.start, sent.end)), None)
    if first is None or first.proclitic or r2n(first.start) - speech[k][1] > 2:
        return None
    return first


def _by_sector(spec: TriggerSpec, alternatives: tuple[TriggerSpec, ...], fr: Frame) -> TriggerSpec:
    """Choose between an armed and an unarmed reading by who acts (هاجم مسلحون vs هاجم الوزير)."""
    if not alternatives:
        return spec
    armed_sectors, armed_types = armed_readings()
    armed = not fr.sources or all((m.actor.sector or "") in armed_sectors for m in fr.sources)
    for alt in (spec,) + alternatives:
        if (alt.type in armed_types) == armed:
            return alt
    return spec


def _reinforced(t: TriggerHit, triggers: list[TriggerHit]) -> bool:
    """A weak verb followed closely by a noun of the same type ("نشر ... تعزيزات")."""
    return any(o.spec.type == t.spec.type and o.spec.pos == "noun" and 0 < o.start - t.end <= 60 for o in triggers)


def _purpose(t: TriggerHit, triggers: list[TriggerHit], mentions, text: str):
    """A purpose masdar right after a weak verb's object ("لدعم X"، "لمساعدة X") and the actor it names."""
    for o in triggers:
        if o.start <= t.end or o.proclitic not in _PURPOSE_PRO or o.spec.type not in _PURPOSE_TYPES:
            continue
        if o.start - t.end > 60 or _BREAK.search(text, t.end, o.start):
            return None
        m = next((m for m in mentions if m.start >= o.end), None)
        if m is not None and m.start - o.end <= 3:
            return o, m
        return None
    return None


def _protest_aim(t: TriggerHit, triggers: list[TriggerHit], mentions, norm: Normalized, r2n, text: str):
    """The actor a protest is against: the first one within reach after "تنديدا ب"، "رفضا ل"، "ضد" ...
    Returns (mention, the triggers the aim words carry) or None."""
    nt = norm.text
    m = _words().protest_aims.search(nt, r2n(t.end), r2n(t.end) + 120)
    if m is None or _STOP.search(nt, r2n(t.end), m.start()):
        return None
    start = norm.to_raw(m.start())
    target = next((x for x in mentions if x.start >= start), None)
    if target is None or target.start - start > 45 or _BREAK.search(text, start, target.start):
        return None
    carried = [o for o in triggers if start <= o.start < target.start and o is not t]
    if target.via != "adjective" and any(o.spec.type in _PATIENT_OF for o in carried):
        return None  # "احتجاجا على قتل المتظاهرين": the victims of the deed protested, not its target
    first = nt[m.end():m.end() + 20].split()[:1]
    if first and target.via != "adjective" and patient_noun(first[0]):
        return None  # "احتجاجا على وفاة الشابة مهسا أميني": the one who died is not what the march is against
    return target, carried


_AT_CULPRITS = frozenset({EventType.THREATEN, EventType.REQUEST, EventType.ACCUSE})  # what one says to attackers
_FORCES = frozenset({"MIL", "COP"})
_APART = 40  # characters between two triggers of one type and dyad that tell two events
_ATTACK_REACH = 6  # sentences back to the attack a condemnation refers to


@dataclass(frozen=True, slots=True)
class _Words:
    """Word lists of the coder's own checks (data/events/frames.yaml)."""

    protest_aims: re.Pattern[str]
    topic_verbs: tuple[str, ...]
    sitting: tuple[str, ...]
    flight: tuple[str, ...]
    vote: tuple[str, ...]
    handed_over: re.Pattern[str]
    relative_agent: re.Pattern[str]
    """"(الإرهابي) الذي نفذه ": a relative clause whose verb carries the antecedent as its object pronoun."""
    referents: dict[str, tuple[frozenset, str]]
    """A definite noun that refers back to an earlier event -> (that event's types, "parties" or "doer")."""
    describe: frozenset[str]
    backing: frozenset[str]
    held_nouns: re.Pattern[str]
    detained: re.Pattern[str]
    held_after: re.Pattern[str]
    handover: frozenset[str]
    aims: frozenset[str]
    documents: re.Pattern[str]
    praise: re.Pattern[str]
    unpraise: frozenset[str]
    held_by: list[str]
    storming: frozenset[str]
    """Verbs of storming and burning: a crowd of civilians doing them riots (PROTEST), it does not attack."""
    culprits: re.Pattern[str]
    """Who carried out an attack, named by what they did ("منفذي الهجوم"، "من يقفون خلف الهجوم")."""
    lifted: re.Pattern[str]
    """A verb or noun of lifting right before a measure ("رفعت السلطات حظر التجول"): no measure is imposed."""


@lru_cache(maxsize=1)
def _words() -> _Words:
    raw = load_yaml("events/frames.yaml")

    def forms(key: str) -> tuple[str, ...]:
        return tuple(normalize_key(w) for w in raw.get(key) or [])

    def after_space(key: str) -> re.Pattern[str]:
        return re.compile(r"(?:^|\s)" + word_trie(raw.get(key)) + r"(?!\w)")

    def raw_words(key: str, lead: str = "", tail: str = r"(?!\S)") -> re.Pattern[str]:
        return re.compile(lead + word_trie(raw.get(key), normalise=False) + tail)

    return _Words(
        protest_aims=re.compile(r"(?:^|\s)[وف]?" + word_trie(raw.get("protest_aims"))),
        topic_verbs=tuple(raw.get("topic_verbs") or []), sitting=forms("sitting_stems"), flight=forms("flight_stems"),
        vote=forms("vote_words"), handed_over=after_space("handed_over_people"),
        relative_agent=re.compile(r"^(?:\S+ )?" + word_trie(raw.get("relative_pronouns")) + r" \S+(?:ه|ها|هم) $"),
        referents={normalize_key(w): (frozenset(EventType(x) for x in r["types"]), r["side"])
                   for r in raw.get("event_referents") or [] for w in r["words"]},
        describe=frozenset(forms("description_verbs")), backing=frozenset(forms("armed_backing_verbs")),
        held_nouns=raw_words("held_meeting_nouns", r"[وفبل]{0,2}(?:ال)?", r"\s"),
        detained=raw_words("detained_participles"), held_after=raw_words("held_words", r"\s*[،,]?\s*"),
        handover=frozenset(forms("handover_verbs")), aims=frozenset(raw.get("deployment_aims") or []),
        documents=re.compile(r"[^.،؛:]*?\s" + word_trie(raw.get("signed_documents")) + r"(?!\S)"),
        praise=after_space("praise_words"), unpraise=frozenset(forms("praise_negators")),
        held_by=list(raw.get("held_by_words") or []),
        storming=frozenset(forms("storming_verbs")),
        culprits=re.compile(r"(?:^|\s)[وفبل]?" + word_trie(raw.get("culprit_words")) + r"(?=[\s«»\"،.]|$)"),
        lifted=re.compile(r"(?:^|\s)[وف]?" + word_trie(raw.get("lifting_words")) + r"(?=\s)"))


def _days_ago(d: DateMention, story) -> int | None:
    """Days between a day-precision date and the story date when it is the news of the last days, else None."""
    if story is None or d.date is None or d.precision != "day":
        return None
    delta = (story - d.date).days
    return delta if 0 <= delta <= 10 else None


def _passive(text: str, t: TriggerHit) -> bool:
    """A verb written with the passive damma on its first letter ("قُتل"، "اُعتقل"، "أُفرج")."""
    word = text[t.start:t.end]
    k = len(t.proclitic)
    return t.spec.pos == "verb" and len(word) > k + 1 and word[k + 1] == "\u064f"


def _voting_body(mentions, starts: list[int], sent, sentences):
    """The council or parliament named last in this sentence or the two before it, where a vote was taken."""
    lo = sentences[max(0, sent.index - 2)].start
    for m in reversed(_within(mentions, starts, lo, sent.end)):
        if (m.actor.sector or "") in _VOTING:
            return m
    return None


def _carries_noun(t: TriggerHit, triggers: list[TriggerHit], norm: str, r2n) -> bool:
    """A verb right after a nominal event whose pronoun is that event ("إحاطة قدمها باتيلي"): it tells who did the
    noun's event, and is no event of its own (قدم is no gift here)."""
    if t.spec.pos != "verb" or norm[r2n(t.start):r2n(t.end)] not in noun_doer_verbs():
        return False
    return any(o.spec.pos == "noun" and 0 < t.start - o.end <= 16 for o in triggers)


def _content_of_talks(t: TriggerHit, triggers: list[TriggerHit], text: str) -> bool:
    """"محادثات مع Y تناولت انضمام السويد وفنلندا": a verb of discussing right after a meeting noun tells
    what the talks were about; the states it names are topics, not parties."""
    if t.spec.type != EventType.CONSULT or t.spec.pos != "verb" or t.proclitic \
            or not text[t.start:t.end].startswith(_words().topic_verbs):
        return False
    return any(o.spec.type == EventType.CONSULT and o.spec.pos == "noun" and 0 < t.start - o.end <= 80
               and not _BREAK.search(text, o.end, t.start) for o in triggers)


def _aim(t: TriggerHit, mentions, text: str, fr: Frame):
    """Whom a deployment is aimed at: the actor after a purpose word ("لملاحقة المهاجمين"، "تحسبا لـ")."""
    src = {m.actor.id for m in fr.sources}
    for m in mentions:
        if m.start < t.end or m.actor.id in src:
            continue
        if m.start - t.end > 80 or _STOP.search(text, t.end, m.start):
            return None
        words = text[t.end:m.start].split()
        if words and (words[-1].startswith("ل") and len(words[-1]) > 3 or words[-1] in _words().aims):
            return m
        k = next((k for k, w in enumerate(words) if w in _words().aims), None)
        if k is not None and len(words) - k <= 4:
            return m  # "تحسبا لأي تصعيد هندي"، "تحسبا لهجمات جديدة لحركة طالبان"
    return None


def _verdict(spec: TriggerSpec, fr: Frame, sides) -> str:
    """'coded', or why the trigger gives no event."""
    if not fr.sources and not fr.targets:
        return "no actor on either side"
    if spec.weak and not (fr.sources and fr.targets):
        return "weak trigger needs both sides"
    if not fr.targets and spec.type not in sides.targetless and spec.mode not in sides.targetless_modes:
        return f"{spec.type} needs a target"
    if not fr.sources and spec.type not in sides.sourceless:
        return f"{spec.type} needs a source"
    if fr.pos == "noun" and not (fr.sources and (fr.targets or spec.mode in sides.targetless_modes
                                                   or spec.type in _ONE_SIDED
                                                   or (spec.type in sides.targetless and fr.how == "speech-verb"))) \
            and not (fr.how in ("patient-genitive", "cause-of-harm") and fr.targets):  # "واصلت الطائرات قصف مناطق"
        return "a nominal event needs its source and target"
    return "coded"


def _inside_name(t: TriggerHit, names: list[tuple[int, int]]) -> bool:
    """A trigger that overlaps an actor or place name is part of that name ("وزارة", "عين زارة", "شكري")."""
    i = bisect_left(names, (t.end, 0))
    return any(s < t.end and t.start < e for s, e in names[max(0, i - 8):i])


def _cut_before_name(t: TriggerHit, names: list[tuple[int, int]], text: str) -> TriggerHit | None:
    """A march phrase whose tail is an actor's name ("خرج محتجون"، "تجمع المتظاهرون") is its verb, with the
    actor after it; None when the name starts the phrase."""
    cut = min((s for s, e in names if t.start < s < t.end and e > t.start), default=None)
    if cut is None or not text[t.start:cut].strip() or _inside_name(TriggerHit(t.start, cut, t.spec, "", ""), names):
        return None
    end = t.start + len(text[t.start:cut].rstrip())
    return replace(t, end=end)


def _held_by(t: TriggerHit, mentions, text: str, words) -> tuple[Mention, Mention] | None:
    """(detainer, detained) for a participle of detention between the detained and "لدى" + the detainer
    ("بحارة إيطاليين محتجزين لدى حكومة شرق ليبيا"); the participle is read as a generic actor, so it is kept here."""
    if t.spec.type != EventType.COERCE or not words.detained.match(text, t.start):
        return None
    k = next((k for k, m in enumerate(mentions) if m.start <= t.start < m.end), None)
    if k is None or k == 0 or k + 1 >= len(mentions):
        return None
    before, after = mentions[k - 1], mentions[k + 1]
    if text[before.end:mentions[k].start].strip() or text[mentions[k].end:after.start].split() != words.held_by:
        return None
    return after, before


def _held_meeting(t: TriggerHit, mentions, dates, text: str, words) -> Mention | None:
    """The conference an actor's name opens with a meeting noun, when the text says it was held: "الذي عقد"
    or a date right after the name ("نتائج مؤتمر برلين في 19 يناير")."""
    if t.spec.mode != "multilateral" or t.spec.pos != "noun" or not words.held_nouns.match(text, t.start):
        return None
    m = next((m for m in mentions if m.start <= t.start < m.end), None)
    if m is None or m.actor.kind != ActorKind.ORG or len(text[m.start:t.start]) > 3:
        return None
    if words.held_after.match(text, m.end) or any(0 <= d.start - m.end <= 6 for d in dates):
        return m
    return None


def _holds_blocker(t: TriggerHit, blocked: list[tuple[int, int]]) -> bool:
    """A trigger longer than a blocker it holds is itself the event ("مؤتمر صحفي مشترك" holds "مؤتمر صحفي")."""
    return any(t.start <= s and e <= t.end and (s, e) != (t.start, t.end) for s, e in blocked)


def _is_adj_far(arg, t: TriggerHit) -> bool:
    """Nationality adjectives take part only right after a nominal trigger ("دعم جزائري") or a noun
    governed by a preposition ("أشاد بالمشاركة الإيطالية")."""
    if arg.mention.via != "adjective":
        return False
    if 0 <= arg.mention.start - t.end <= 2:
        return False  # right after the trigger, which the adjective makes a noun ("ودعم جزائري")
    return arg.prep is None and not arg.via_noun  # "رفضت إثيوبيا المقترح المصري": the proposal's author


def _nearest(dates: list[DateMention], pos: int, end: int) -> DateMention | None:
    """The date expression that governs a trigger: before it in its sentence, or inside its frame
    (up to its last argument, ``end``) or right after it.

    A date far after the trigger usually belongs to a relative clause or a deadline
    ("... الذي تتولى بلاده الرئاسة الشهر الجاري", "قبل نهاية العام الحالي").
    """
    near = [d for d in dates if d.start < pos or d.start - end <= _DATE_AFTER]
    if not near:
        return None
    return min(near, key=lambda d: abs(d.start - pos) + (0 if d.start < pos else 5))


def _recent_date(recent: list, index: int, fr: Frame) -> DateMention | None:
    """The date of an event of the last six sentences with one of the same actors (the same occasion told on)."""
    ids = {m.actor.id for m in fr.sources + fr.targets}
    for i, date, _, actors in reversed(recent):
        if index - i > 6:
            break
        if date is not None and ids & actors:
            return date
    return None


def _recent_place(recent: list, index: int, fr: Frame):
    """The place of a recent event with the same two sides (the same meeting told again)."""
    ids = {m.actor.id for m in fr.sources + fr.targets}
    for i, _, place, actors in reversed(recent):
        if index - i > 3:
            break
        if place is not None and len(ids & actors) >= 2:
            return place
    return None


def _home_place(recent: list, index: int, fr: Frame):
    """The place of a recent event in the speaker's own country: a host speaks at home during a visit
    ("زيارة السراج للجزائر" ... "وجدد الرئيس الجزائري تبون التأكيد على دعم حكومة الوفاق"), the police act where
    the march they meet was told."""
    homes = {m.actor.country for m in fr.sources if m.actor.country}
    for i, _, place, _ in reversed(recent):
        if index - i > 3:
            break
        if place is not None and place.place.country in homes:
            return place
    return None


def _raw_to_norm(norm: Normalized):
    """Map a raw offset in [0, raw length] to the normalised offset (inverse of ``Normalized.to_raw``).

    A table lookup: the coder asks some fifty times per sentence, and a list's bound ``__getitem__`` is
    a call into C where a search among the deletions was a Python closure.
    """
    dels = norm._dels
    if not dels:
        return index  # the identity on offsets, called in C
    # raw positions of deletions: for the k-th deletion (0-based), raw = norm_index + k; a raw offset maps
    # back by the number of deletions before it
    table: list[int] = []
    prev = 0
    for k, p in enumerate(dels):
        table.extend(range(prev - k, p + 1))
        prev = p + k + 1
    table.extend(range(prev - len(dels), norm.raw_length + 1 - len(dels)))
    return table.__getitem__
