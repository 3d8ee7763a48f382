"""The dossier as Markdown, for people: rendered from the dossier JSON dict."""

from __future__ import annotations

from typing import Any

from storyline.render.view import facts_line, has_point, lead, story_summary, timeline

_STATUS_MARK = {
    "corroborated": "corroborated",
    "repeated": "repeated (one origin)",
    "conflicting": "**conflicting**",
    "single-source": "single-source",
}


def _cell(text: object) -> str:
    """Make a value safe inside a Markdown table cell.

    Article text is hostile input: angle brackets are escaped so a Markdown
    viewer never renders a tag from it.
    """
    s = "" if text is None else str(text)
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return s.replace("|", "\\|").replace("\n", " ").strip()


def _number(x: float | None) -> str:
    if x is None:
        return "…"
    if x == int(x) and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def _interval(iv: dict[str, Any]) -> str:
    low, high, unit = iv.get("low"), iv.get("high"), iv.get("unit", "")
    if low is not None and low == high:
        return f"{_number(low)} {unit}".strip()
    if low is None:
        return f"≤ {_number(high)} {unit}".strip()
    if high is None:
        return f"≥ {_number(low)} {unit}".strip()
    return f"{_number(low)}–{_number(high)} {unit}".strip()


def _as_written(claim: dict[str, Any]) -> str:
    """The first source's figure with its parallel forms: "480 kg (1,100 pounds)"."""
    figures = claim.get("figures") or []
    if not figures:
        value = _interval(claim["value"])
        if claim["qualifier"] and None not in (claim["value"]["low"], claim["value"]["high"]):
            value = f"{claim['qualifier']} {value}"
        return value
    first = figures[0]
    alternates = " or ".join(a["text"] for a in first["alternates"])
    return f"{first['text']} ({alternates})" if alternates else first["text"]


def _timeline_line(
    item: dict[str, Any], entities: dict[str, Any], articles: dict[str, Any]
) -> str:
    """"- 2026-03-02 (accident): summary, at Place, with X (“quote”, Source title)"."""
    ev = item["event"]
    when = item["date"] or (
        f"{ev['earliest']}…{ev['latest']}" if ev.get("earliest") and ev.get("latest")
        else "undated")
    line = f"- **{when}** ({_cell(ev['type'])}): {_cell(ev['summary'])}"
    place = entities.get(ev.get("location") or "")
    if place:
        line += f", at {_cell(place['name'])}"
    who = [entities[p]["name"] for p in ev.get("participants") or [] if p in entities]
    if who:
        line += f", with {_cell(', '.join(who))}"
    if ev["sources"]:
        s = ev["sources"][0]
        title = articles.get(s["article"], {}).get("title") or s["article"]
        line += f" (“{_cell(s['quote'])}”, {_cell(title)})"
    return line


def _conflict_sides(
    cf: dict[str, Any], d: dict[str, Any], articles: dict[str, Any]
) -> list[str]:
    """Each side of a conflict with every quote that states it."""
    claims = {c["id"]: c for c in d["claims"]}
    lines = []
    for cid in cf["claims"]:
        c = claims.get(cid)
        if c is None:
            continue
        n = c["independent_sources"]
        lines.append(f"  - {_cell(_as_written(c))} ({n} independent origin{'s' if n != 1 else ''})")
        for s in c["sources"]:
            title = articles.get(s["article"], {}).get("title") or s["article"]
            lines.append(f"    - “{_cell(s['quote'])}” ({_cell(title)})")
    return lines


def _compatible_bounds(
    cf: dict[str, Any], d: dict[str, Any], articles: dict[str, Any]
) -> list[str]:
    """Bounds that fit both sides of a conflict ("at least 42" beside 42 and 57)."""
    sides = set(cf["claims"])
    lines = []
    for c in d["claims"]:
        if sides & set(c.get("compatible_with") or ()):
            s = c["sources"][0]
            title = articles.get(s["article"], {}).get("title") or s["article"]
            lines.append(f"  - compatible with either side: {_cell(_as_written(c))} "
                         f"(“{_cell(s['quote'])}”, {_cell(title)})")
    return lines


def _where(e: dict[str, Any]) -> str:
    """" (airport, RU, icao:UHWW)": what the gazetteer says the point is."""
    parts = [p for p in (e.get("feature"), e.get("country"), e.get("gazetteer_id")) if p]
    if not e.get("gazetteer_id") and e.get("geo_note"):
        parts.append(e["geo_note"])  # a point not from a record says where it comes from
    return f" ({', '.join(parts)})" if parts else ""


def _named_place(place: dict[str, Any]) -> str:
    """"of Coimbra, at 40.203, -8.410": where an organisation's name puts it."""
    # A country's point says nothing about where in it an organisation is.
    local = has_point(place) and place.get("feature") not in ("country", "continent", "area")
    where = f", at {place['lat']:.3f}, {place['lon']:.3f}" if local else ""
    return f"of {place['name']}{where}"


def dossier_to_markdown(d: dict[str, Any]) -> str:
    articles = {a["id"]: a for a in d["articles"]}
    entities = {e["id"]: e for e in d["entities"]}
    out: list[str] = [f"# {_cell(d['story']['title'])}", "", f"Story `{d['story']['id']}`", ""]
    out += [facts_line(story_summary(d)), ""]
    opening = lead(d)
    if opening:
        out += [f"> {_cell(opening)}", ""]

    out += [
        "## Articles",
        "",
        "| id | title | source | published | origin group |",
        "|---|---|---|---|---|",
    ]
    for a in d["articles"]:
        published = a["published"] or "undated"
        estimate = a.get("published_estimate")
        if not a["published"] and estimate:
            published = f"undated (about {estimate['date']})"
        group = "own" if a["origin_group"] == a["id"] else f"`{a['origin_group']}`"
        out.append(
            f"| `{a['id']}` | {_cell(a['title'])} | {_cell(a['source'])} | {published} | {group} |"
        )
    out.append("")

    out += ["## Entities", ""]
    by_type: dict[str, list[dict[str, Any]]] = {}
    for e in d["entities"]:
        by_type.setdefault(e["type"], []).append(e)
    for etype in sorted(by_type):
        out += [f"### {etype.title()}", ""]
        for e in sorted(by_type[etype], key=lambda e: e["name"]):
            extra = [e["kind"]] if e.get("kind") else []
            if e.get("roles"):
                extra.append("roles: " + ", ".join(e["roles"]))
            if e["aliases"]:
                extra.append("also: " + ", ".join(e["aliases"]))
            if has_point(e):
                extra.append(f"at {e['lat']:.3f}, {e['lon']:.3f}" + _where(e))
            elif e.get("geo_note"):
                extra.append(f"not on the map: {e['geo_note']}")
            place = entities.get(e.get("place") or "")
            if place:
                extra.append(_named_place(place))
            count = len(e["mentions"])
            tail = f" ({_cell('; '.join(extra))})" if extra else ""
            out.append(
                f"- **{_cell(e['name'])}**{tail}, {count} mention{'s' if count != 1 else ''}"
            )
        out.append("")

    if d.get("timeline") and all(isinstance(t, dict) and "relation" in t for t in d["timeline"]):
        out += _timeline(d)
    elif d["events"]:
        out += ["## Timeline", ""]
        for item in timeline(d):
            out.append(_timeline_line(item, entities, articles))
        out.append("")

    out += ["## Claims", ""]
    if not d["claims"]:
        out += ["No figures found.", ""]
    else:
        out += [
            "| subject | attribute | as written | normalised | status | origins | sources"
            " | quote |",
            "|---|---|---|---|---|---|---|---|",
        ]
        for c in d["claims"]:
            subject = entities.get(c["subject"] or "", {}).get("name", "—")
            first = c["sources"][0]
            title = articles.get(first["article"], {}).get("title") or first["article"]
            value = _as_written(c)
            quote = f"“{_cell(first['quote'])}” ({_cell(title)})"
            out.append(
                f"| {_cell(subject)} | {c['attribute']} | {_cell(value)} | "
                f"{_interval(c['normalized'])} | {_STATUS_MARK[c['status']]} | "
                f"{c['independent_sources']} | {len(c['sources'])} | {quote} |"
            )
        out.append("")

    if d["conflicts"]:
        out += ["## Conflicts", ""]
        for cf in d["conflicts"]:
            out.append(f"- *{cf['kind']}*: {_cell(cf['explanation'])}")
            out += _conflict_sides(cf, d, articles)
            out += _compatible_bounds(cf, d, articles)
        out.append("")

    if d.get("inconsistencies"):
        out += ["## Internal inconsistencies (an article against its own conversion)", ""]
        for inc in d["inconsistencies"]:
            out.append(f"- {_cell(inc['explanation'])}")
        out.append("")

    if d.get("distance_checks"):
        out += ["## Distances checked against the gazetteer", ""]
        for k in d["distance_checks"]:
            mark = "consistent" if k["consistent"] else "**not consistent**"
            out.append(f"- {mark}: {_cell(k['explanation'])}")
        out.append("")

    shared = d.get("shared_passages") or []
    if shared:
        out += ["## Shared passages (copied text)", ""]
        for p in shared:
            a, b = articles[p["article_a"]], articles[p["article_b"]]
            excerpt = a["text"][p["start_a"] : p["end_a"]]
            if len(excerpt) > 160:
                excerpt = excerpt[:157] + "…"
            out.append(f"- {_cell(a['title'])} ⇄ {_cell(b['title'])}: “{_cell(excerpt)}”")
        out.append("")
    return "\n".join(out)


def _timeline(d: dict[str, Any]) -> list[str]:
    """The timeline as a dated list; an undated step says which neighbour it follows."""
    events = {e["id"]: e for e in d["events"]}
    places = {e["id"]: e["name"] for e in d["entities"]}
    out = ["## Timeline", ""]
    for step in d["timeline"]:
        ev = events[step["event"]]
        if step["relation"] == "spans":
            frame = events.get(step["relative_to"] or "")
            when = f"throughout “{_cell(frame['summary'])}”" if frame else "throughout the trip"
        elif step["date"]:
            when = step["date"]
        elif ev.get("earliest") and ev.get("latest"):
            when = f"{ev['earliest']}…{ev['latest']}"
        else:
            when = (f"on or after {ev['earliest']}" if ev.get("earliest")
                    else f"on or before {ev['latest']}" if ev.get("latest") else "undated")
            if step["relation"] in ("before", "after") and step["relative_to"] in events:
                other = events[step["relative_to"]]
                when += f", {step['relation']} “{_cell(other['summary'])}”"
        tellers = len({s["article"] for s in ev["sources"]})
        told = f" ({tellers} articles)" if tellers > 1 else ""
        place = places.get(ev.get("location") or "")
        if ev.get("location_basis") and place and place not in ev["summary"]:
            how = ("as the step told just before it"
                   if ev["location_basis"].startswith("told right after") else "by its paragraph")
            told += f" (at {_cell(place)}, {how})"
        out.append(f"{len(out) - 1}. **{when}**: {_cell(ev['summary'])}{told}")
    out.append("")
    return out
