"""Remove page furniture that survives extraction, also from plain text.

Copied-and-pasted articles and even trafilatura's output still carry share
widgets, comment forms, cookie notices, "related" link lists and the like.  Each
rule below is a general pattern (never a special case for one site or file) with
one of four actions:

* ``drop``: remove the matching line;
* ``prefix``: remove the matching start of a line and keep the rest (share-widget
  icon names glued to the headline: ``icon-whatsappNorth Korean Leader ...``);
* ``cut``: remove the matching line and everything after it (comment forms);
* ``list``: remove a heading line and the short, link-like lines after it.

Lines are matched whole (after trimming), so a sentence that merely *mentions*
"advertisement" or "leave a reply" is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Action = Literal["drop", "prefix", "cut", "list"]

# Social networks and sharing targets named by share widgets.
_NETWORKS = (
    r"facebook|twitter|x-twitter|whatsapp|linkedin|linked-in|pinterest|reddit|telegram|tumblr|"
    r"email|envelope|mail|print|messenger|vk|weibo|wechat|line|viber|flipboard|pocket|"
    r"google-plus|googleplus|gplus|instagram|youtube|tiktok|share|copy-link|link|rss|x"
)
# An icon class name: "icon-facebook", "fa-twitter", "share_whatsapp", "social-email".
# Icon sets add variants ("fa-facebook-f", "icon-twitter-square"), hence the suffixes.
_ICON = (
    rf"(?:icon|fa|fab|fas|share|social|ico|sharing|btn)[-_](?:{_NETWORKS})"
    r"(?:-(?:f|square|official|alt|circle|o|sign|plus|x))*(?![a-z0-9-])"
)
# Bare network names as a widget prints them ("Facebook Twitter WhatsApp Email").
_NETWORK_WORD = (
    r"(?:facebook|twitter|whatsapp|linkedin|pinterest|reddit|telegram|tumblr|email|e-mail|"
    r"print|messenger|flipboard|copy\s+link|x)"
)
# One item of a share widget, as a widget prints it.
_SHARE_ITEM = (
    rf"(?:share|post|send)\s+(?:this\s+)?(?:on|via|to)\s+{_NETWORK_WORD}"
    r"|share\s+(?:this|the)\s+(?:article|story|post|page)(?:\s+on)?"
    r"|share(?:\s+this)?|tweet(?:\s+this)?|pin\s+it|email\s+this|print\s+this(?:\s+page)?"
    rf"|{_NETWORK_WORD}"
)
# A list bullet that trafilatura's text output or a paste may put before a link line.
_BULLET = r"(?:[-–—•*·]\s*)?"


@dataclass(frozen=True)
class Rule:
    name: str
    action: Action
    pattern: re.Pattern[str]
    catches: str  # what the rule is for, in words (shown in docs and tests)


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


RULES: tuple[Rule, ...] = (
    # Icon class names left by a share widget, alone or glued to the text that follows
    # ("icon-facebook icon-twitter icon-whatsappNorth Korean ..."): strip the icons and
    # keep the rest of the line.  Case-sensitive on purpose: icon classes are lower-case,
    # and "Share-Holder" at a line start must not match.
    Rule(
        "share-icons",
        "prefix",
        re.compile(rf"^\s*(?:{_ICON}[\s,|]*)+"),
        "share-widget icon names at the start of a line, also glued to the next word",
    ),
    # A line made only of share-widget items: network names and share verbs, one or
    # several ("Share on Facebook Share on X Email", "Facebook Twitter WhatsApp",
    # "Tweet", "Share this article", "Pin it", "Share:"), or a "follow us" line.
    Rule(
        "share-words",
        "drop",
        _rx(
            rf"^(?=.{{0,200}}$){_BULLET}(?:(?:{_SHARE_ITEM})\b[\s:.!|,/·]*)+$"
            rf"|^{_BULLET}(?:follow\s+(?:us|[\w.'&-]+(?:\s+[\w.'&-]+){{0,3}})\s+on\s+{_NETWORK_WORD}"
            rf"(?:\s*(?:,|and|&)\s*(?:{_NETWORK_WORD}|instagram|youtube|tiktok))*"
            r"|like\s+this\s+(?:story|article|post)\?.{0,40}\bshare\b.{0,40})[\s:.!|]*$"
        ),
        "share-widget lines: network names, 'Share on Facebook', 'Tweet', 'Share this article'",
    ),
    # Comment forms: the heading and everything after it is the form and the
    # comments, never article text.
    Rule(
        "comment-form",
        "cut",
        _rx(
            r"^(?:leave\s+a\s+(?:reply|comment)|post\s+a\s+comment|add\s+(?:a\s+)?comment"
            r"|join\s+the\s+(?:conversation|discussion)"
            r"|your\s+email\s+address\s+will\s+not\s+be\s+published.*"
            r"|required\s+fields\s+are\s+marked.*|post\s+comment"
            r"|save\s+my\s+name,?\s+email.*|cancel\s+reply)[\s:.!*]*$"
        ),
        "'Leave a Reply' comment forms and everything after them",
    ),
    # Comment counters and headings ("12 Comments", "Comments"): dropped, not cut,
    # because such a counter often sits at the top of the article.
    Rule(
        "comment-count",
        "drop",
        _rx(r"^(?:\d+\s*)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?[\s:]*$"),
        "comment counters and the bare 'Comments' heading",
    ),
    # Cookie banners: a short line saying the site uses cookies or asking consent.
    Rule(
        "cookie-notice",
        "drop",
        _rx(
            r"^(?=.{0,400}$).*(?:\b(?:we|this\s+(?:web)?site|our\s+(?:web)?site)\s+uses?\s+cookies"
            r"|\baccept\s+(?:all\s+)?cookies|\bcookie\s+(?:policy|settings|preferences|consent)"
            r"|\buse\s+of\s+cookies|\bby\s+continuing\s+to\s+(?:browse|use)\b).*$"
        ),
        "cookie consent notices",
    ),
    # "Related"/"Read more" blocks: the heading plus the link titles listed under it.
    Rule(
        "related-list",
        "list",
        _rx(
            rf"^{_BULLET}(?:read\s+more|more\s+to\s+read|related(?:\s+(?:articles?|stories|posts|"
            r"news|content|coverage|reading|topics))?|you\s+(?:may|might)\s+also\s+(?:like|enjoy|"
            r"be\s+interested\s+in)|recommended(?:\s+for\s+you)?|also\s+read|see\s+also|"
            r"most\s+(?:read|popular|viewed|shared)(?:\s+(?:in|on|from)\s+[\w &'-]{1,30})?|"
            r"trending(?:\s+now)?|more\s+(?:stories|news)|"
            r"more\s+from\s+[\w .&'-]{1,40}|editor'?s\s+picks?|don'?t\s+miss)[\s:.!»>|-]*$"
        ),
        "'Read more' / 'Related articles' / 'You may also like' headings and their link lists",
    ),
    # One-line cross-links: "READ MORE: Some other headline", "Also read: ...".
    Rule(
        "read-more-line",
        "drop",
        _rx(
            r"^(?=.{0,250}$)\[?(?:read\s+more|also\s+read|read\s+also|see\s+(?:also|more)|"
            r"related(?:\s+(?:post|article|story|content|link|reading)s?)?|"
            r"more\s+on\s+this(?:\s+story)?|watch)\s*[:|»>–—-]\s*\S.*$"
        ),
        "single cross-link lines such as 'READ MORE: another headline'",
    ),
    # Newsletter / subscription prompts: short imperative lines.
    Rule(
        "subscribe-prompt",
        "drop",
        _rx(
            r"^(?=.{0,250}$)(?:subscribe(?:\s+(?:now|today|here))?[.!]?$"
            r"|(?:subscribe|sign\s+up|signup)\b.{0,80}\b(?:newsletter|inbox|"
            r"email|e-mail|updates|alerts|digest|subscription)\b"
            r"|join\s+(?:our|the)\s+(?:free\s+)?(?:newsletter|mailing\s+list)"
            r"|thanks?\s+(?:you\s+)?for\s+(?:signing\s+up|subscribing)\b"
            r"|.{0,120}\b(?:delivered|sent|straight|direct(?:ly)?|right)\s+(?:to|in|into)\s+your\s+inbox\b"
            r"|register\s+(?:now|for\s+free|to\s+(?:continue|read))\b"
            r"|get\s+(?:the\s+|our\s+)?(?:latest|daily|weekly|top|breaking)\b.{0,60}\b(?:inbox|"
            r"newsletter|email)\b|enter\s+your\s+e-?mail\b|already\s+(?:a\s+)?subscriber\b"
            r"|this\s+(?:article|content)\s+is\s+(?:for|available\s+to)\s+subscribers)"
        ),
        "newsletter and subscription prompts",
    ),
    # Ad slot labels.
    Rule(
        "advertisement",
        "drop",
        _rx(
            r"^(?:advertisement|advertising|sponsored(?:\s+content)?|ad|ads|"
            r"(?:story|article)\s+continues\s+(?:below|after)(?:\s+(?:this\s+)?(?:advertisement|ad))?|"
            r"continue\s+reading\s+(?:below|the\s+main\s+story)|"
            r"advertisement\s*[-–—:]\s*scroll\s+to\s+continue|scroll\s+to\s+continue\s+with\s+content)"
            r"[\s.:]*$"
        ),
        "'Advertisement' and similar ad-slot labels",
    ),
    # "Click here to ..." calls to action.
    Rule(
        "click-here",
        "drop",
        _rx(
            r"^(?=.{0,250}$)(?:(?:please\s+)?click\s+here\s+(?:to|for)\b.*"
            r"|.{0,120}\b(?:by\s+)?(?:click(?:ing)?|tap(?:ping)?)\s+here[.!]?)$"
        ),
        "'Click here to ...' and '... by clicking here' calls to action",
    ),
    # Tag and category lines under an article: "Filed under: Politics |", "Tags: a, b".
    Rule(
        "tags-line",
        "drop",
        _rx(r"^(?=.{0,250}$)(?:filed\s+under|tags?|tagged(?:\s+with)?|categories|category)\s*:.*$"),
        "tag and category lines",
    ),
    # Copyright footers: "© 2023 Example News", "Copyright 2023 ...", "All rights reserved".
    Rule(
        "copyright",
        "drop",
        _rx(
            r"^(?=.{0,250}$)(?:(?:copyright\s*)?(?:©|\(c\)\s*\d{4})|copyright\s+(?:\d{4}|©)|"
            r"all\s+rights\s+reserved\b).*$"
        ),
        "copyright footers",
    ),
)

# A line that reads as prose ends a "related" list: long, or a full sentence.
_LIST_ITEM_MAX_CHARS = 160
_LIST_MAX_ITEMS = 12
_SENTENCE_END = re.compile(r"[.!?]['\"”’)]?$")


def _is_link_like(line: str) -> bool:
    """A headline-ish line: short and not a full sentence of several words."""
    if len(line) > _LIST_ITEM_MAX_CHARS:
        return False
    return not (_SENTENCE_END.search(line) and len(line.split()) >= 8)


def _skip_list(lines: list[str], start: int) -> int:
    """Index of the first line after the link list that begins at ``start``."""
    i, items = start, 0
    while i < len(lines) and items < _LIST_MAX_ITEMS:
        line = lines[i].strip()
        if not line:
            # A blank line after at least one item ends the list; before any item
            # it only separates the heading from it.
            if items:
                break
            i += 1
            continue
        if not _is_link_like(line) or _rule_for(line) is not None:
            break
        items += 1
        i += 1
    return i


def _rule_for(line: str) -> Rule | None:
    for rule in RULES:
        if rule.pattern.search(line):
            return rule
    return None


def strip_boilerplate(text: str) -> str:
    """``text`` without the lines the rules catch; other lines are kept byte for byte."""
    lines = text.split("\n")
    kept: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        stripped = line.strip()
        rule = _rule_for(stripped) if stripped else None
        if rule is None:
            kept.append(line)
            i += 1
            continue
        if rule.action == "cut":
            break
        if rule.action == "prefix":
            rest = rule.pattern.sub("", stripped, count=1).strip()
            # The rest may itself be boilerplate ("icon-facebook Share this article").
            lines[i] = rest
            if not rest:
                i += 1
            continue
        if rule.action == "list":
            i = _skip_list(lines, i + 1)
            continue
        i += 1  # drop
    return _tidy("\n".join(kept))


def _tidy(text: str) -> str:
    # Dropped lines leave blank runs behind; keep at most one blank line.
    return re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", text).strip()


def boilerplate_rule(line: str) -> str | None:
    """Name of the rule that catches ``line`` (for tests and debugging), or None."""
    rule = _rule_for(line.strip())
    return rule.name if rule else None
