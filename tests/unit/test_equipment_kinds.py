"""Equipment kinds: read off the words beside the mentions, null when the text is silent."""

from __future__ import annotations

import pytest

from storyline.analyse.entities import resolve_entities
from storyline.analyse.equipment_kinds import add_equipment_kinds, equipment_kind, mention_kind
from storyline.model import Entity
from storyline.render.html import dossier_to_html
from storyline.render.json import dossier_to_dict
from storyline.render.markdown import dossier_to_markdown
from tests.unit.test_entities import annotated
from tests.unit.test_render import _dossier


def _kind(text: str, name: str, label: str = "EQUIPMENT") -> str | None:
    start = text.index(name)
    return mention_kind(text, start, start + len(name), label)


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Russia flew two Tu-95MS strategic bombers over the sea.", "Tu-95MS", "aircraft"),
        ("He saw Su-57 fighter jets at the plant.", "Su-57", "aircraft"),
        ("It fired “Kinzhal” hypersonic missiles.", "Kinzhal", "missile"),
        ("the hypersonic missile, the Kinzhal, flies fast", "Kinzhal", "missile"),
        ("a new missile called Sarmat.", "Sarmat", "missile"),
        ("strategic bombers, including the Tu-160, Tu-95, and Tu-22M3.", "Tu-22M3", "aircraft"),
        ("Tu-95 and Tu-160 bombers took off.", "Tu-95", "aircraft"),
        ("He toured the frigate Admiral Gorshkov in port.", "Admiral Gorshkov", "vessel"),
        ("Fire broke out on the ferry Nordic Star.", "Nordic Star", "vessel"),
        ("The Soyuz-2 carrier rocket lifted off.", "Soyuz-2", "spacecraft"),
        ("A T-90 tank was hit.", "T-90", "vehicle"),
        ("backed by a C-130 Hercules air tanker.", "C-130", "aircraft"),
        ("12 aircraft, including a C-130 that dropped water", "C-130", "aircraft"),
        ("The Tu-160 flew over missile sites.", "Tu-160", None),
        ("Two BTR-82 armoured personnel carriers burned.", "BTR-82", "vehicle"),
        ("the aircraft carrier Admiral Kuznetsov left port", "Admiral Kuznetsov", "vessel"),
        # The head of the run decides: a rocket launcher is no rocket.
        ("They sent HIMARS rocket launchers.", "HIMARS", None),
        # Nothing beside the name says what it is.
        ("Kim looked at the Su-35 for a long time.", "Su-35", None),
        ("The Tu-160 was fired upon by a missile.", "Tu-160", None),
    ],
)
def test_mention_kind_reads_the_neighbouring_noun(text: str, name: str, kind: str | None) -> None:
    assert _kind(text, name) == kind


def test_vessel_label_counts_when_no_noun_is_adjacent() -> None:
    assert _kind("Then Moskva sank.", "Moskva", "VESSEL") == "vessel"
    assert _kind("Then Moskva sank.", "Moskva") is None


def test_majority_wins_and_ties_or_silence_give_null() -> None:
    assert equipment_kind(["missile", None, "missile", "aircraft"]) == "missile"
    assert equipment_kind(["missile", "aircraft"]) is None
    assert equipment_kind([None, None]) is None
    assert equipment_kind([]) is None


def test_entity_without_evidence_has_null_kind() -> None:
    arts = [
        annotated("a1", "Shoigu showed Kim the Su-35 and the Tu-160 bombers.",
                  [("Shoigu", "PERSON"), ("Kim", "PERSON"), ("Su-35", "EQUIPMENT"),
                   ("Tu-160", "EQUIPMENT")]),
        annotated("a2", "The Su-35 stood beside the Tu-160.",
                  [("Su-35", "EQUIPMENT"), ("Tu-160", "EQUIPMENT")]),
    ]
    ents = {e.name: e for e in add_equipment_kinds(resolve_entities(arts), arts).entities}
    assert ents["Su-35"].kind is None
    # One mention says bombers, the other nothing: the evidence there is decides.
    assert ents["Tu-160"].kind == "aircraft"
    assert ents["Shoigu"].kind is None


def test_reports_show_the_kind_after_the_name() -> None:
    base = _dossier()
    art = base.articles[0]
    gun = Entity(id="e" + "2" * 16, name="Tu-160", type="EQUIPMENT", kind="aircraft",
                 mentions=base.entities[0].mentions[:1])
    d = dossier_to_dict(type(base)(**{**base.__dict__, "entities": (*base.entities, gun)}))
    assert art.id
    assert "- **Tu-160** (aircraft), 1 mention" in dossier_to_markdown(d)
    assert '<span class="kind">(aircraft)</span>' in dossier_to_html(d)
    assert "kind:" not in dossier_to_html(d)


def test_a_freighter_named_by_a_model_code_is_an_aircraft() -> None:
    coded = "The airline runs four A330 freighters."
    s = coded.index("A330")
    assert mention_kind(coded, s, s + 4) == "aircraft"
    named = "The Kestrel Bay freighter was moored."
    s = named.index("Kestrel Bay")
    assert mention_kind(named, s, s + len("Kestrel Bay")) == "vessel"
