"""NL204 (one person or organisation written two ways) and the name facts behind it."""

from __future__ import annotations

import pytest

from newslint.analysis.names import name_key
from tests.conftest import lint

POSITIVE = [
    ("Kim Jong-un met Vladimir Putin in September. Kim Jong Un then toured a rocket base.", "Kim Jong Un"),
    ("Kim Jong-un met Vladimir Putin in September. Kim Jong-Un then toured a rocket base.", "Kim Jong-Un"),
    ("Muammar Gaddafi ruled Libya for 42 years. Qaddafi was killed in 2011.", "Qaddafi"),
    ("Muammar Gaddafi ruled Libya for 42 years. Muammar Qaddafi was killed in 2011.", "Muammar Qaddafi"),
    ("Muammar Gaddafi ruled Libya for 42 years. Kadhafi was killed in 2011.", "Kadhafi"),
    ("Volodymyr Zelensky spoke to reporters on Monday. Zelenskyy said the talks had failed.", "Zelenskyy"),
    (
        "Volodymyr Zelensky spoke to reporters on Monday. Volodymyr Zelenskyy said the talks had failed.",
        "Volodymyr Zelenskyy",
    ),
    ("Jose Mourinho was sacked on Tuesday. José Mourinho said he had no regrets.", "José Mourinho"),
    ("Nicolas Maduro claimed victory on Sunday. Nicolás Maduro said the vote was fair.", "Nicolás Maduro"),
    ("Ban Ki-moon arrived on Monday. Ban Ki Moon met the president the next day.", "Ban Ki Moon"),
    ("Mohammed bin Salman met the delegation. Mohammad bin Salman promised investment.", "Mohammad bin Salman"),
    ("Hezbollah fired rockets on Monday. Israel struck Hizbollah positions in response.", "Hizbollah"),
    ("Angela Merkel left office in 2021. Angela Merkl said she would write a book.", "Angela Merkl"),
    ("Sergei Shoigu visited the front. Sergei Shoygu told troops the offensive would continue.", "Sergei Shoygu"),
    ("Yulia Tymoshenko was jailed in 2011. Yulia Timoshenko was freed in 2014.", "Yulia Timoshenko"),
    ("Hassan Nasrallah spoke on television. Hassan Nasrullah warned Israel against an attack.", "Hassan Nasrullah"),
    ("Al-Qaeda claimed the attack. The group, al Qaeda, has been weakened for years.", "al Qaeda"),
    (
        "Benjamin Netanyahu met the president. Benjamin Netanyahou said the talks went well.",
        "Benjamin Netanyahou",
    ),
    ("Abdel Fattah el-Sisi won a third term. Abdel Fattah El Sisi was sworn in on Tuesday.", "Abdel Fattah El Sisi"),
    ("Kim Jong Un spoke first. Kim Jong Un and Kim Jong-un are one man.", "Kim Jong-un"),
    (
        "Kremlin spokesman Dmitry Peskov said on Monday that talks had stalled. Dmitri Peskov added that no date was set.",
        "Dmitri Peskov",
    ),
    ("Sergei Lavrov arrived in Ankara. Sergey Lavrov met his Turkish counterpart.", "Sergey Lavrov"),
]

NEGATIVE = [
    "Kim Jong Un met Vladimir Putin in September. Kim then toured a rocket base.",
    "President Vladimir Putin said on Monday that Putin's army would win.",
    "KIM JONG UN VISITS RUSSIA. Kim Jong Un arrived in Vladivostok on Tuesday.",
    "Sen. Mitt Romney said he would retire. Romney has served since 2019.",
    "Joe Biden spoke on Monday. Hunter Biden did not attend.",
    "White House spokesman John Kirby spoke on Friday. Kirby said the images were clear.",
    "Queen Elizabeth II died in 2022. Elizabeth was 96.",
    "Al Gore met Gore Vidal in 1968.",
    "Apple and Samsung reported results on Thursday; Apple's shares rose.",
    "The European Union and the EU's member states agreed on sanctions.",
    "Mr. Kirby and Kirby's deputy spoke on Friday.",
    "Vladimir Putin met Kim Jong Un. Putin and Kim toasted the deal.",
    "Muammar Gaddafi ruled Libya until 2011, when Gaddafi was killed.",
    "Bill Clinton and Hillary Clinton arrived; the Clintons left early.",
    "Barack Obama spoke first. The Obamas then greeted guests.",
    "Donald Regan was chief of staff. Reagan kept him. Reagan later fired him. Reagan wrote about it.",
    "Dr. Anthony Fauci testified on Tuesday. Fauci said the data was clear.",
    "The Air France airbus was grounded after Airbus issued a warning.",
    "Congress passed the bill; a congress of doctors met the same day.",
    "The Plant near Dusseldorf closed. Workers in Düsseldorf protested on Monday.",
]


@pytest.mark.parametrize(("text", "span"), POSITIVE, ids=[s for _, s in POSITIVE])
def test_finds_the_name_variant(text, span):
    found = [text[d.start : d.end] for d in lint(text, "NL204")]
    assert span in found, found


@pytest.mark.parametrize("text", NEGATIVE)
def test_stays_silent(text):
    assert [text[d.start : d.end] for d in lint(text, "NL204")] == []


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("KIM JONG UN", "Kim Jong Un"),
        ("José Mourinho", "Jose Mourinho"),
        ("Qaddafi", "Gaddafi"),
        ("J.K. Rowling", "J. K. Rowling"),
    ],
)
def test_keys_fold_spelling(a, b):
    assert name_key(a) == name_key(b)


def test_keys_keep_distinct_names_apart():
    assert name_key("Kim Jong Un") != name_key("Kim Jong Nam")
    assert name_key("Joe Biden") != name_key("Hunter Biden")


@pytest.mark.parametrize(
    "text",
    [
        "Arjan De Zeeuw scored twice. Coach Arjan de Zeeuw later praised the defence.",
        "Hank Williams Jr. sang first. Hank Williams Jr closed the show.",
        "The U.N. Security Council met on Monday; the UN Security Council will vote on Friday.",
        "PETER Capaldi will play the Doctor. Peter Capaldi is best known for a political comedy.",
        "Joseph diGenova spoke on Monday. DiGenova said the inquiry was over.",
        "Hans Christian Andersen wrote fairy tales. Andersen lived in Copenhagen. Anderson did not.",
    ],
)
def test_case_of_first_letters_periods_and_capitals_are_not_variants(text):
    assert lint(text, "NL204") == []
