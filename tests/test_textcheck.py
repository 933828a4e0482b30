"""Unit tests for medialit.textcheck.validate_text: what is accepted, what is
rejected, and that the message says what is wrong in plain words."""

import os

import pytest

from medialit.textcheck import MAX_BYTES, validate_text

ENGLISH = (
    "Police in Almaty said on Thursday that dozens of people had been killed in clashes "
    "overnight. The president asked a Russian-led military alliance for help, and Moscow "
    "sent paratroopers. Officials did not say how many people were arrested, and it could "
    "not be determined whether any soldiers were involved in the killing of civilians."
)

GERMAN = (
    "Die Proteste in Kasachstan begannen Anfang Januar in der Region Mangystau, nachdem die "
    "Regierung die Preisobergrenzen für Flüssiggas aufgehoben hatte. Innerhalb weniger Tage "
    "breiteten sich die Demonstrationen auf das ganze Land aus. In Almaty stürmten "
    "Demonstranten das Rathaus und setzten es in Brand. Präsident Tokajew bat das von Russland "
    "geführte Militärbündnis OVKS um Hilfe, und Moskau schickte Fallschirmjäger in das Land. "
    "Die Behörden sprachen von Terroristen, die im Ausland ausgebildet worden seien, legten "
    "dafür aber keine Beweise vor."
)

FRENCH = (
    "Les manifestations au Kazakhstan ont commencé début janvier dans la région de Manguistaou, "
    "après que le gouvernement a levé le plafonnement des prix du gaz liquéfié. En quelques "
    "jours, la contestation s'est étendue à tout le pays. À Almaty, des manifestants ont pris "
    "d'assaut la mairie et y ont mis le feu. Le président Tokaïev a demandé l'aide de l'alliance "
    "militaire dirigée par la Russie, qui a envoyé des parachutistes. Les autorités ont parlé de "
    "terroristes formés à l'étranger, sans toutefois en apporter la preuve."
)

RUSSIAN = (
    "Протесты в Казахстане начались в начале января в Мангистауской области после того, как "
    "правительство отменило ограничение цен на сжиженный газ. В Алматы протестующие захватили "
    "здание городской администрации."
)

KAZAKH = (
    "Қазақстандағы наразылық акциялары қаңтар айының басында Маңғыстау облысында басталды. "
    "Алматыда наразылар әкімдік ғимаратын басып алды."
)


def rejected(value, what="text"):
    """Return the message of the ValueError that validate_text raises."""
    with pytest.raises(ValueError) as info:
        validate_text(value, what)
    message = str(info.value)
    # Plain words for a student: one sentence naming the problem, no traceback.
    assert message.startswith("The "), message
    assert "Traceback" not in message
    assert "\n" not in message
    return message


# --------------------------------------------------------------------------
# Accepted


def test_english_paragraph_is_returned_unchanged():
    assert validate_text(ENGLISH) is ENGLISH


def test_short_english_sentence_is_accepted():
    text = "Police said dozens of people were arrested on Thursday."
    assert validate_text(text) == text


def test_utf8_bytes_are_decoded():
    text = "Kazakhstan’s largest city, Almaty, was calm on Friday, police said."
    assert validate_text(text.encode("utf-8")) == text
    assert validate_text(bytearray(text.encode("utf-8"))) == text


def test_the_articles_are_accepted():
    from medialit.corpus import article_text

    for article_id in "AB":
        raw = article_text(article_id, clean_text=False)
        assert validate_text(raw) == raw


def test_a_few_tabs_and_line_breaks_are_fine():
    text = "Police left.\r\n\tThey came back.\n"
    assert validate_text(text) == text


def test_text_just_under_the_size_limit_is_accepted():
    unit = "The police said that they had left. "
    text = unit * (MAX_BYTES // len(unit))
    assert len(text.encode("utf-8")) <= MAX_BYTES
    assert validate_text(text) is text


# --------------------------------------------------------------------------
# Rejected, with the problem named


@pytest.mark.parametrize("value", ["", "   ", "\n\n\t \r\n"])
def test_empty_or_white_space(value):
    assert "empty" in rejected(value)


@pytest.mark.parametrize("value, type_name", [(42, "int"), (None, "NoneType"), (["Police left."], "list"),
                                              (3.5, "float")])
def test_not_a_string(value, type_name):
    message = rejected(value)
    assert "piece of text" in message
    assert type_name in message


def test_what_names_the_input():
    assert rejected("", "article").startswith("The article is empty")


def test_larger_than_two_megabytes():
    unit = "The police said that they had left. "
    text = unit * (MAX_BYTES // len(unit) + 10)
    message = rejected(text)
    assert "MB" in message and "limit is 2 MB" in message


def test_size_is_measured_in_utf8_bytes_not_characters():
    # Curly apostrophes take three bytes each in UTF-8: fewer than 2 million
    # characters, but more than 2 MB.
    unit = "The police’s men said they’d left. "
    text = unit * (MAX_BYTES // len(unit.encode("utf-8")) + 10)
    assert len(text) < MAX_BYTES < len(text.encode("utf-8"))
    assert "limit is 2 MB" in rejected(text)


def test_nul_byte():
    assert "binary" in rejected("Police said\x00 dozens of people were arrested.")


def test_binary_junk_as_bytes_is_not_utf8():
    assert "not UTF-8" in rejected(bytes(range(256)))


def test_random_bytes_are_rejected():
    # os.urandom(4000) is valid UTF-8 with vanishing probability; whichever
    # check catches it, it must be rejected in plain words.
    message = rejected(os.urandom(4000))
    assert "UTF-8" in message or "binary" in message


def test_binary_junk_as_a_string():
    assert "binary" in rejected(bytes(range(256)).decode("latin-1"))


def test_replacement_characters_from_a_bad_decode():
    junk = os.urandom(4000).decode("utf-8", errors="replace")
    assert "binary" in rejected(junk)


def test_many_control_characters():
    text = ENGLISH[:100] + "\x01\x02\x03\x04\x05\x06" + ENGLISH[100:]
    assert "binary" in rejected(text)


def test_latin1_bytes_are_not_utf8():
    assert "not UTF-8" in rejected("Police in Almaty said the café was closed.".encode("latin-1"))


def test_utf16_bytes_are_rejected():
    message = rejected(ENGLISH.encode("utf-16"))
    assert "UTF-8" in message or "binary" in message


def test_html_page_source():
    page = ("<html><body><div class='story'><p>Police said dozens of people were killed.</p>"
            "<p>The president asked for help.</p></div></body></html>")
    assert "HTML" in rejected(page)


def test_html_fragment_without_html_tag():
    fragment = ('<div class="story"><p>Police said so.</p><p>They left.</p>'
                '<a href="/more">Read more</a><span>Share</span></div>')
    assert "HTML" in rejected(fragment)


def test_doctype_alone_is_enough():
    assert "HTML" in rejected("<!DOCTYPE html>\n" + ENGLISH)


def test_prose_mentioning_a_tag_is_not_html():
    text = "Reporters were told to wrap headings in an <h1> element, police said."
    assert validate_text(text) == text


@pytest.mark.parametrize("text", [RUSSIAN, KAZAKH], ids=["russian", "kazakh"])
def test_cyrillic_text(text):
    message = rejected(text)
    assert "does not look like English" in message
    assert "Latin alphabet" in message


@pytest.mark.parametrize("text", [GERMAN, FRENCH], ids=["german", "french"])
def test_german_or_french_paragraph(text):
    message = rejected(text)
    assert "does not look like English" in message


def test_numbers_only():
    assert "no words" in rejected("12 345 6,789 -- 10.5")


def test_english_list_of_names_is_not_mistaken_for_foreign():
    # Under 20 words the function-word test is not applied, so a headline of
    # names and nouns still passes.
    text = "Kassym-Jomart Tokayev, Nursultan Nazarbayev, Almaty, Nur-Sultan"
    assert validate_text(text) == text
