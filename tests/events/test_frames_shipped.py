"""Frames on self-written sentences, coded with the real shipped actor base."""
import datetime as dt
from pathlib import Path

import pytest

from marsad.pipeline import Pipeline
from marsad.records import Article

GAZ = Path(__file__).parents[1] / "fixtures" / "places" / "mini.tsv"


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline(gazetteer=GAZ)


def _events(pipeline, text, day=dt.date(2021, 2, 11)):
    doc = pipeline.run(Article("t", text, day))
    return sorted((str(e.type), e.source and e.source.actor.id, e.target and e.target.actor.id, str(e.modality))
                  for e in doc.events)


CASES = [
    ("vso-parenthetical-object",
     "دعا رئيس المجلس الرئاسي محمد المنفي، في بيان مساء اليوم، الأمم المتحدة إلى دعم الانتخابات.",
     [("REQUEST", "mohamed_al_menfi", "united_nations", "asserted")]),
    ("coordinated-sources-and-counterpart",
     "وقّع وزير الداخلية فتحي باشاغا ونظيره التونسي هشام المشيشي، أمس الأربعاء، مذكرة تفاهم أمنية.",
     [("AGREE", "fathi_bashagha", "hichem_mechichi", "asserted")]),
    ("phone-call-with-light-verb",
     "أجرى وزير الخارجية الإيطالي لويجي دي مايو، مساء أمس، اتصالا هاتفيا بالمشير خليفة حفتر.",
     [("CONSULT", "luigi_di_maio", "khalifa_haftar", "asserted")]),
    ("relative-clause-subject",
     "وتتواجد في المنطقة قوات فاغنر التي تساند المشير خليفة حفتر منذ سنوات.",
     [("SUPPORT", "wagner_group", "khalifa_haftar", "asserted")]),
    ("speech-verb-speaker-is-source",
     "وجدد وزير الخارجية الجزائري صبري بوقدوم دعم الجزائر للشعب الليبي.",
     [("SUPPORT", "sabri_boukadoum", "libya_citizens", "asserted")]),
    ("between-x-and-y",
     "انطلقت أمس مفاوضات بين مجلس النواب الليبي والمجلس الأعلى للدولة في المغرب.",
     [("CONSULT", "house_of_representatives_libya", "high_council_of_state_libya", "asserted")]),
    ("continued-subject-and-pronoun-object",
     "استقبل المشير خليفة حفتر السفير الأمريكي ريتشارد نورلاند، وبحث معه الأوضاع الأمنية.",
     [("CONSULT", "khalifa_haftar", "richard_norland", "asserted")]),
    ("passive-release",
     "أُفرج مساء الثلاثاء عن أربعة صحفيين ليبيين في طرابلس.",
     [("CONCEDE", None, "libya_journalists", "asserted")]),
    ("reported-speech-codes-the-actor-not-the-speaker",
     "وقالت مصادر دبلوماسية إن روسيا هددت المجلس الرئاسي الليبي بفرض عقوبات.",
     [("THREATEN", "russia", "libyan_presidential_council", "asserted")]),
    ("adverb-turns-support-into-military-aid",
     "تدعم موسكو عسكريا المشير خليفة حفتر منذ سنوات.",
     [("AID", "russia", "khalifa_haftar", "asserted")]),
    ("veto-threat-aims-at-the-council",
     "هددت روسيا باستخدام حق النقض في مجلس الأمن الدولي.",
     [("THREATEN", "russia", "un_security_council", "asserted")]),
    ("visit-to-a-city-names-its-host",
     "توجه وزير الخارجية الإيطالي لويجي دي مايو إلى طرابلس للقاء رئيس المجلس الرئاسي فائز السراج.",
     [("CONSULT", "luigi_di_maio", "fayez_al_sarraj", "asserted")]),
    ("a-body-meets-without-counterpart",
     "وجاء ذلك خلال اجتماع اللجنة العسكرية المشتركة في جنيف.",
     [("CONSULT", "joint_military_commission_5_5", None, "asserted")]),
    ("unknown-attacker-stays-empty",
     "استهدفت طائرة مسيرة مجهولة تجمعا لقوات الجيش الوطني الليبي قرب سرت.",
     [("ASSAULT", None, "libyan_national_army_armed_forces", "asserted")]),
    ("received-phone-call-from",
     "تلقى رئيس المجلس الرئاسي محمد المنفي، مساء الثلاثاء، اتصالا هاتفيا من الرئيس المصري عبد الفتاح السيسي.",
     [("CONSULT", "mohamed_al_menfi", "abdel_fattah_el_sisi", "asserted")]),
    ("counterpart-is-never-the-subject",
     "التقت وزيرة الخارجية نجلاء المنقوش في روما نظيرها الإيطالي لويجي دي مايو.",
     [("CONSULT", "najla_al_mangoush", "luigi_di_maio", "asserted")]),
    ("headline-topic-fills-the-missing-side",
     "حكومة الوحدة الوطنية.. تعاون أمني مع تونس ودعم مصري",
     [("COOPERATE", "government_of_national_unity", "tunisia", "asserted"),
      ("SUPPORT", "egypt", "government_of_national_unity", "asserted")]),
    ("invitation-from-and-to",
     "وسلم السفير دعوة رسمية من الرئيس الفرنسي إيمانويل ماكرون للمشير خليفة حفتر لزيارة باريس.",
     [("REQUEST", "emmanuel_macron", "khalifa_haftar", "asserted"),
      ("REQUEST", "france_ambassador", "khalifa_haftar", "asserted")]),  # the bearer, as the gold codes it
    ("agent-of-a-nominal-event",
     "جاء ذلك بعد توقيع اتفاق وقف إطلاق النار من طرف اللجنة العسكرية المشتركة في جنيف.",
     [("AGREE", "joint_military_commission_5_5", None, "asserted")]),
    ("patient-genitive-and-consequence",
     "قصفت قوات الجيش الوطني الليبي مواقع لقوات حكومة الوفاق، ما أسفر عن مقتل ثلاثة مدنيين.",
     [("ASSAULT", "libyan_national_army_armed_forces", "gna_armed_forces", "asserted"),
      ("ASSAULT", "libyan_national_army_armed_forces", "libya_civilians", "asserted")]),
    ("arrest-of-named-person",
     "وجاء ذلك بعد توقيف رئيس الوزراء الباكستاني السابق عمران خان.",
     [("COERCE", None, "imran_khan", "asserted")]),  # a former PM: the named person, not the holder on the day
    ("negated",
     "ولم يلتق المشير خليفة حفتر رئيس مجلس النواب عقيلة صالح خلال الزيارة.",
     [("CONSULT", "khalifa_haftar", "aguila_saleh", "negated")]),
    ("claim-of-responsibility",
     "أعلنت حركة الشباب مسؤوليتها عن الهجوم الذي استهدف قاعدة للجيش الصومالي.",
     [("ASSAULT", "al_shabaab", "somali_army", "asserted")]),
    ("killed-in-attack-by",
     "لقي ثلاثة جنود أتراك مصرعهم في هجوم لحزب العمال الكردستاني.",
     [("ASSAULT", "pkk", "turkey_soldiers", "asserted")]),
    ("summoned-ambassador",
     "استدعت وزارة الخارجية العراقية السفير التركي احتجاجا على القصف.",
     [("ACCUSE", "iraqi_foreign_ministry", "turkey_ambassador", "asserted")]),
    ("host-at-his-office",
     "استقبل رئيس مجلس النواب عقيلة صالح بمكتبه، سفير الاتحاد الأوروبي لدى ليبيا خوسيه ساباديل.",
     [("CONSULT", "aguila_saleh", "jose_sabadell", "asserted")]),
    ("attack-told-in-a-relative-clause",
     "أدان المجلس الأعلى للدولة الهجوم الذي استهدف مقر المفوضية العليا للانتخابات في طرابلس.",
     [("ASSAULT", None, "hnec_libya", "asserted")]),
    ("welcomed-agreement-names-its-makers",
     "رحبت البعثة الأممية للدعم في ليبيا بالاتفاق الذي توصلت إليه اللجنة العسكرية المشتركة.",
     [("SUPPORT", "unsmil", "joint_military_commission_5_5", "asserted")]),
    ("headed-by-is-no-side",
     "اتهمت حكومة الاستقرار الوطني برئاسة فتحي باشاغا حكومة الدبيبة بعرقلة دخولها إلى طرابلس.",
     [("ACCUSE", "government_of_national_stability", "government_of_national_unity", "asserted")]),
    ("two-halves-of-one-attack",
     "قتل عشرة جنود ماليين في هجوم شنه مسلحون على معسكر للجيش المالي.",
     [("ASSAULT", "mali_gunmen", "malian_army", "asserted")]),
    ("marchers-demand",
     "خرج آلاف المتظاهرين في الخرطوم في مسيرات جديدة تطالب الجيش السوداني بتسليم السلطة.",
     [("PROTEST", "sudan_protesters", "sudanese_armed_forces", "asserted"), ("REQUEST", "sudan_protesters", "sudanese_armed_forces", "asserted")]),
    ("strike-by-profession",
     "أضرب المعلمون في الأردن عن العمل للمطالبة بزيادة الرواتب.",
     [("PROTEST", "jordan_professionals", None, "asserted")]),
    ("deployment-aim",
     "ونشر الجيش العراقي تعزيزات إضافية في المنطقة لملاحقة المهاجمين.",
     [("MOBILIZE", "iraqi_army", "iraq_gunmen", "asserted")]),
    ("intent-verb-before-masdar",
     "يعتزم وزير الخارجية السعودي زيارة دمشق في وقت لاحق من الشهر الجاري.",
     [("CONSULT", "faisal_bin_farhan", "syria", "planned")]),
    ("light-verb-qama-bi",
     "قام وزير الخارجية التركي بزيارة إلى بغداد.",
     [("CONSULT", "mevlut_cavusoglu", "iraq", "asserted")]),
    ("may-is-hypothetical",
     "وقال محللون إن الجيش السوداني قد يشن هجوما على قوات الدعم السريع.",
     [("ASSAULT", "sudanese_armed_forces", "rapid_support_forces", "hypothetical")]),
    ("question-about-future",
     "هل ستفرض الولايات المتحدة عقوبات جديدة على إيران؟",
     [("SANCTION", "united_states", "iran", "hypothetical")]),
    ("nationality-adjective-ends-a-title",
     "اتهمت الحكومة الإثيوبية جبهة تحرير تيغراي بمهاجمة قاعدة عسكرية.",
     [("ACCUSE", "ethiopia", "tplf", "asserted")]),
    ("weapon-is-means",
     "هاجم الحوثيون بطائرات مسيرة منشأة تابعة لشركة أرامكو.",
     [("ASSAULT", "houthis", "saudi_aramco", "asserted")]),
    ("light-verb-shanna-noun-target",
     "شن الجيش الإسرائيلي، فجر اليوم، غارات جوية على مواقع لحركة حماس.",
     [("ASSAULT", "israel_defense_forces", "hamas", "asserted")]),
    ("veto-threat",
     "روسيا هددت باستخدام حق النقض في مجلس الأمن الدولي.",
     [("THREATEN", "russia", "un_security_council", "asserted")]),
    ("threatened-action",
     "وهددت أنقرة بعملية عسكرية ضد المسلحين الأكراد.",
     [("ASSAULT", "turkey", "turkey_gunmen", "hypothetical"), ("THREATEN", "turkey", "turkey_gunmen", "asserted")]),
    ("habitual-attacks",
     "وتأتي الزيارة في ظل الهجمات المتكررة التي تشنها الميليشيات على المدنيين.",
     [("ASSAULT", "unknown_militia", "unknown_civilians", "hypothetical")]),
    ("speech-complement",
     "كما جدد الرئيس الجزائري عبد المجيد تبون التأكيد على دعم حكومة الوفاق والوقوف إلى جانب الشعب الليبي.",
     [("SUPPORT", "abdelmadjid_tebboune", "government_of_national_accord", "asserted"), ("SUPPORT", "abdelmadjid_tebboune", "libya_citizens", "asserted")]),
    ("purpose-gives-weak-verb-target",
     "في حين أرسلت أنقرة قوات عسكرية لدعم حكومة الوفاق.",
     [("AID", "turkey", "government_of_national_accord", "asserted")]),
    ("cut-relations-with",
     "أعلنت الجزائر قطع علاقاتها الدبلوماسية مع المغرب.",
     [("SANCTION", "algeria", "morocco", "asserted")]),
    ("pronoun-owner",
     "وقال المصدر إن حفتر توجه إلى روما بعد لقائه مسؤولين عن فرنسا وألمانيا.",
     [("CONSULT", "khalifa_haftar", "france", "asserted"), ("CONSULT", "khalifa_haftar", "germany", "asserted"), ("CONSULT", "khalifa_haftar", "italy", "asserted")]),
    ("topic-of-talks",
     "أجرى وزير الخارجية الأمريكي أنتوني بلينكن، الاثنين، محادثات مع نظيره التركي مولود جاويش أوغلو تناولت انضمام السويد وفنلندا.",
     [("CONSULT", "antony_blinken", "mevlut_cavusoglu", "asserted")]),
    ("condition-outscopes-negation",
     "وستنفذ القوات عملية عسكرية إذا لم تنسحب قوات الجيش السوري من المنطقة.",
     [("ASSAULT", "syria_armed_forces", None, "planned"), ("RETREAT", "syrian_army_armed_forces", None, "hypothetical")]),
    ("consequence-is-no-purpose",
     "قصفت القوات الروسية أحياء سكنية في خاركيف ما أدى إلى مقتل خمسة مدنيين أوكرانيين.",
     [("ASSAULT", "russian_armed_forces", "ukraine_civilians", "asserted")]),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_frames_with_shipped_base(pipeline, text, expected):
    assert _events(pipeline, text) == sorted(expected)


@pytest.mark.parametrize("text", [
    "إيطاليا شريك مهم لليبيا في قطاع الطاقة.",
    "عاد رئيس المجلس الرئاسي محمد المنفي إلى طرابلس مساء اليوم.",
    "وأكد المنفي أن الحل في ليبيا لا يمكن أن يكون عسكريا.",
], ids=["state-description", "movement-without-counterpart", "position-without-addressee"])
def test_non_events_are_not_coded(pipeline, text):
    assert _events(pipeline, text) == []
