"""Every boilerplate rule catches its furniture and keeps look-alike article lines."""

from __future__ import annotations

import pytest

from storyline.ingest.boilerplate import RULES, boilerplate_rule, strip_boilerplate

# rule name -> (lines the rule must catch, lines that must be kept)
CASES: dict[str, tuple[list[str], list[str]]] = {
    "share-icons": (
        ["icon-facebook icon-twitter icon-whatsapp", "fa-facebook-f fa-twitter fa-linkedin"],
        ["Iconic facebook posts drew criticism.", "Share-Holder meeting moved to Tuesday."],
    ),
    "share-words": (
        [
            "Share on Facebook",
            "Share on Facebook Share on X Email",
            "Tweet",
            "Share this article",
            "Facebook Twitter WhatsApp Email",
            "Share:",
            "Follow us on Twitter",
            "Like this story? Share it with a friend!",
        ],
        [
            "Facebook said on Tuesday that it would appeal.",
            "Shares in the company fell by 4%.",
            "He posted a tweet that was later deleted.",
        ],
    ),
    "comment-form": (
        [
            "Leave a Reply",
            "Leave a comment",
            "Your email address will not be published. Required fields are marked *",
            "Post Comment",
            "Save my name, email, and website in this browser for the next time I comment.",
        ],
        ["The minister did not leave a reply to the letter.", "Comment is free, facts are sacred."],
    ),
    "comment-count": (
        ["12 Comments", "Comments", "Comments (4)"],
        ["Comments by the minister angered farmers."],
    ),
    "cookie-notice": (
        [
            "We use cookies to improve your experience on our site.",
            "By continuing to browse you agree to our cookie policy.",
            "Accept all cookies",
        ],
        ["The bakery sold more than 500 cookies at the fair."],
    ),
    "related-list": (
        ["Related articles", "Read more:", "You may also like", "Most read in world news"],
        ["Related reports from the region suggest the talks have stalled."],
    ),
    "read-more-line": (
        ["READ MORE: Ferry service suspended after storm", "[Related: Council budget approved]"],
        ["Read more about the rules on the council website, officials said."],
    ),
    "subscribe-prompt": (
        [
            "Subscribe to our newsletter for the latest updates",
            "Sign up for our daily email briefing",
            "Subscribe now",
            "Get the latest news delivered straight to your inbox.",
            "Thanks for signing up!",
        ],
        [
            "Subscribers to the service rose by a tenth last year.",
            "Registered voters were sent an email reminder by the commission.",
        ],
    ),
    "advertisement": (
        ["Advertisement", "ADVERTISEMENT", "Story continues below advertisement"],
        ["Advertisement spending rose sharply in the third quarter."],
    ),
    "click-here": (
        ["Click here to subscribe to our morning briefing.", "GET THE APP BY CLICKING HERE"],
        ["Users who click here and there on phishing links risk losing data, police said."],
    ),
    "tags-line": (
        ["Filed under: Politics |", "Tags: harbour, ferry, repairs"],
        ["Tagging of migratory birds began in March."],
    ),
    "copyright": (
        ["© 2023 Coastal Courier. All rights reserved.", "Copyright 2023 Example News"],
        ["The copyright dispute reached the high court in 2023.", "(c) Approve the new budget."],
    ),
}


def test_every_rule_has_cases() -> None:
    assert {rule.name for rule in RULES} == set(CASES)
    assert all(rule.catches for rule in RULES)


@pytest.mark.parametrize(
    ("name", "line"), [(name, line) for name, (pos, _) in CASES.items() for line in pos]
)
def test_rule_catches(name: str, line: str) -> None:
    assert boilerplate_rule(line) == name


@pytest.mark.parametrize("line", [line for _, neg in CASES.values() for line in neg])
def test_rule_keeps(line: str) -> None:
    assert boilerplate_rule(line) is None
    assert strip_boilerplate(f"Intro paragraph.\n\n{line}\n\nClosing paragraph.") == (
        f"Intro paragraph.\n\n{line}\n\nClosing paragraph."
    )


def test_icons_glued_to_headline_leave_the_headline() -> None:
    text = "icon-facebook icon-twitter icon-whatsappNorth Korean Leader Visits Port\n\nBody text."
    assert strip_boilerplate(text) == "North Korean Leader Visits Port\n\nBody text."


def test_comment_form_cuts_everything_after() -> None:
    text = (
        "Story paragraph one.\n\nStory paragraph two.\n\nLeave a Reply\n\n"
        "Your email address will not be published.\nName\nEmail\nWebsite\nGreat article!\n"
    )
    assert strip_boilerplate(text) == "Story paragraph one.\n\nStory paragraph two."


def test_related_list_drops_links_and_keeps_following_prose() -> None:
    text = (
        "The council met on Monday.\n\nRelated articles\n"
        "Storm damage closes north quay\n"
        "- Council approves harbour budget\n\n"
        "The meeting ended after the mayor promised a new review of the harbour plans.\n"
    )
    assert strip_boilerplate(text) == (
        "The council met on Monday.\n\n"
        "The meeting ended after the mayor promised a new review of the harbour plans."
    )


def test_subheadings_are_kept() -> None:
    text = "Arrival at the Airfield:\n\nThe leader landed at noon.\n\nTalks and Outcomes:\n\nNone."
    assert strip_boilerplate(text) == text


def test_clean_text_is_unchanged() -> None:
    text = "A normal first paragraph.\n\nA normal second paragraph with a date, 16 September 2023."
    assert strip_boilerplate(text) == text
