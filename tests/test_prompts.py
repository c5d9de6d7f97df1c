"""Prompt templates: every shipped one renders with exactly the placeholders the code supplies."""

from __future__ import annotations

import hashlib

import pytest

from summarize.errors import ConfigError
from summarize.prompts import (
    PLACEHOLDERS,
    STEPS,
    available_prompts,
    load_prompt,
    parse_template,
    placeholders,
    prompt_dirs,
    prompt_name_for,
)

SHIPPED = available_prompts()


def test_the_family_prompts_ship():
    assert {"plain", "t5", "flan-t5"} <= set(SHIPPED)
    assert prompt_dirs(), "no prompts folder found"


@pytest.mark.parametrize("name", SHIPPED)
def test_every_template_renders_with_exactly_the_supplied_placeholders(name):
    prompt = load_prompt(name)
    for step in STEPS:
        template = getattr(prompt, step)
        assert placeholders(template) == PLACEHOLDERS
        rendered = prompt.render(step, "MARKER-TEXT")
        assert rendered.count("MARKER-TEXT") == 1
        assert "{" not in rendered.replace("MARKER-TEXT", "")


@pytest.mark.parametrize("name", SHIPPED)
def test_name_and_hash_identify_the_file(name):
    prompt = load_prompt(name)
    assert prompt.name == name
    assert prompt.sha256 == hashlib.sha256(prompt.path.read_text(encoding="utf-8").encode()).hexdigest()


def test_plain_takes_the_text_as_is_and_t5_its_prefix():
    assert load_prompt("plain").render("map", "Rain fell.") == "Rain fell."
    assert load_prompt("t5").render("reduce", "Rain fell.") == "summarize: Rain fell."
    flan = load_prompt("flan-t5")
    assert flan.render("map", "Rain fell.") != flan.render("reduce", "Rain fell.")


@pytest.mark.parametrize(
    ("model_type", "model_id", "expected"),
    [
        ("bart", "sshleifer/distilbart-cnn-12-6", "plain"),
        ("pegasus", "google/pegasus-cnn_dailymail", "plain"),
        ("t5", "t5-small", "t5"),
        ("t5", "google/flan-t5-base", "flan-t5"),
        ("mt5", None, "t5"),
        ("something-new", None, "plain"),
        (None, None, "plain"),
    ],
)
def test_prompt_is_chosen_from_the_model_family(model_type, model_id, expected):
    assert prompt_name_for(model_type, model_id) == expected


def test_a_file_path_overrides(tmp_path):
    path = tmp_path / "mine.txt"
    path.write_text("# a comment\nCondense: {text}\n", encoding="utf-8")
    prompt = load_prompt(str(path))
    assert prompt.name == "mine"
    assert prompt.render("map", "x") == prompt.render("reduce", "x") == "Condense: x"


def test_literal_braces_are_escaped():
    sections = parse_template("[map]\nJSON {{}} {text}\n[reduce]\n{text}")
    assert sections["map"].format(text="t") == "JSON {} t"


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("[map]\n{text}\n", "no \\[reduce\\]"),
        ("[map]\n{text} {title}\n[reduce]\n{text}", "placeholders \\{text\\}, \\{title\\}"),
        ("[map]\nno placeholder\n[reduce]\n{text}", "placeholders none"),
        ("[map]\n{}\n[reduce]\n{text}", "expected exactly"),
        ("stray\n[map]\n{text}\n[reduce]\n{text}", "before the first section"),
        ("[map]\n{text}\n[map]\n{text}\n[reduce]\n{text}", "twice"),
        ("[map]\n{text\n[reduce]\n{text}", "map"),
    ],
)
def test_malformed_templates_are_config_errors(raw, message):
    with pytest.raises(ConfigError, match=message):
        parse_template(raw)


def test_unknown_name_lists_the_choices():
    with pytest.raises(ConfigError, match="plain") as info:
        load_prompt("no-such-prompt")
    assert "no-such-prompt" in str(info.value)


def test_missing_file_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        load_prompt(str(tmp_path / "absent.txt"))
