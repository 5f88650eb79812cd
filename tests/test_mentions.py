"""entity_mentions: each matching and resolution rule, on sentences from the samples or written like them."""

from datetime import date
from pathlib import Path

import polars as pl
import pytest

from monitor.actors import MENTION_SCHEMA, find_mentions, unresolved_candidates
from monitor.candidates import merge_candidates
from monitor.sentences import split_sentences

ARTICLES = Path(__file__).resolve().parent.parent / "seeds" / "articles"
NOV_2023 = date(2023, 11, 9)


def _pairs(frame: pl.DataFrame) -> list[tuple[str, str]]:
    return frame.select("surface", "actor_id").rows()


def test_output_matches_the_contract_schema(mentions):
    assert mentions("The United States voiced alarm.").schema == MENTION_SCHEMA


def test_spans_slice_the_body_even_after_non_ascii_text(mentions):
    body = "Pyongyang’s launch plan — “troubling” — drew Seoul’s warning."
    out = mentions(body)
    assert [body[s:e] for s, e in out.select("start", "end").rows()] == out["surface"].to_list()
    assert out["surface"].to_list() == ["Pyongyang", "Seoul"]


def test_mention_id_is_article_and_start(mentions):
    out = mentions("Russia and North Korea met.")
    assert out["mention_id"].to_list() == ["a:0", "a:11"]


def test_full_official_name_wins_over_parenthetical_indonesian_abbreviation(mentions):
    out = mentions("SEOUL – Minister of Foreign Affairs United States of America (AS) Antony Blinken said.")
    assert ("United States of America", "USA") in _pairs(out)
    assert "AS" not in out["surface"].to_list()
    assert out.filter(pl.col("surface") == "Antony Blinken").select("country", "role").row(0) == (
        "USA",
        "foreign minister",
    )


def test_person_resolves_through_the_role_valid_on_the_article_date(mentions):
    out = mentions("He and his colleagues from South Korea (South Korea), Park Jin, has deep concerns.")
    park = out.filter(pl.col("actor_id") == "park_jin")
    assert park.select("country", "actor_kind", "role", "rule").row(0) == (
        "KOR",
        "person",
        "foreign minister",
        "person_full",
    )


def test_person_without_a_role_on_the_article_date_is_not_emitted(mentions):
    assert mentions("Park Jin met reporters.", published_on=date(2024, 6, 1)).is_empty()
    assert mentions("Park Jin met reporters.", published_on=None).is_empty()


def test_role_changes_with_the_date(mentions):
    body = "Donald Trump spoke to reporters."
    assert mentions(body, published_on=date(2019, 5, 1))["country"].to_list() == ["USA"]
    assert mentions(body, published_on=date(2023, 5, 1)).is_empty()


def test_surname_resolves_to_the_full_name_earlier_in_the_article(mentions):
    body = "State Department spokesman Matthew Miller told reporters. Sanctions are possible, Miller said."
    miller = mentions(body).filter(pl.col("surface") == "Miller")
    assert miller.select("actor_id", "country", "rule").row(0) == ("matthew_miller", "USA", "person_surname")


def test_common_surname_without_a_full_name_is_not_resolved(mentions):
    assert mentions("Sanctions are possible, Miller said.").is_empty()


def test_surname_after_another_given_name_is_someone_else(mentions):
    body = "Matthew Miller briefed reporters. Stephen Miller said otherwise."
    assert mentions(body).filter(pl.col("actor_id") == "matthew_miller")["surface"].to_list() == [
        "Matthew Miller"
    ]


def test_distinctive_surname_resolves_alone(mentions):
    out = mentions("Russophobes slammed the Putin-Kim summit.", published_on=date(2023, 9, 14))
    assert _pairs(out) == [("Putin", "vladimir_putin")]


def test_longest_match_wins_south_korea_is_one_mention(mentions):
    assert _pairs(mentions("South Korea said last week that launch preparations were final.")) == [
        ("South Korea", "KOR")
    ]


def test_demonym_wins_over_the_country_name_inside_it(mentions):
    out = mentions("North Korean leader Kim Jong-un met Russian President Vladimir Putin.", date(2023, 9, 14))
    assert out.select("surface", "actor_id", "rule").rows() == [
        ("North Korean", "PRK", "demonym"),
        ("Kim Jong-un", "kim_jong_un", "person_full"),
        ("Russian", "RUS", "demonym"),
        ("Vladimir Putin", "vladimir_putin", "person_full"),
    ]


def test_short_all_caps_alias_is_case_sensitive(mentions):
    assert mentions("The USA has no right to teach us how to live.")["surface"].to_list() == ["USA"]


def test_alias_must_be_a_whole_word(mentions):
    assert mentions("USAID and Russophobes in Indiana.").is_empty()


def test_a_name_glued_to_a_dollar_sign_is_a_currency_not_a_mention(mentions):
    got = mentions("South Korea pledged US$2 million and Australia A$2 million, the US said.")
    assert _pairs(got) == [("South Korea", "KOR"), ("Australia", "AUS"), ("US", "USA")]


def test_capital_stands_for_the_government(mentions):
    out = mentions("Pyongyang said ties with Moscow will remain strong.")
    assert out.select("surface", "actor_id", "actor_kind", "rule").rows() == [
        ("Pyongyang", "PRK", "state", "capital"),
        ("Moscow", "RUS", "state", "capital"),
    ]


def test_demonyms_and_capitals_of_smaller_states_resolve(mentions):
    out = mentions("Cambodian Prime Minister Hun Manet said Phnom Penh regretted the Thai decision.")
    assert _pairs(out) == [
        ("Cambodian", "KHM"),
        ("Hun Manet", "hun_manet"),
        ("Phnom Penh", "KHM"),
        ("Thai", "THA"),
    ]


def test_a_capital_shared_with_a_person_name_needs_its_state_in_the_article(mentions):
    assert mentions("Wellington scored twice for the visitors.").is_empty()
    assert _pairs(mentions("Wellington said New Zealand would send a frigate."))[0] == ("Wellington", "NZL")


def test_state_media_is_an_institution_of_its_state(mentions):
    out = mentions("Released by the Korean Central News Agency (KCNA) on September 14.")
    assert out.select("actor_id", "country", "actor_kind").unique().rows() == [
        ("PRK.KCNA", "PRK", "institution")
    ]


def test_ambiguous_country_name_needs_a_cue_in_the_article(mentions):
    assert mentions("Georgia voters queued in Atlanta.").is_empty()
    assert _pairs(mentions("Protesters in Tbilisi said Georgia must stay on its EU path.")) == [
        ("Tbilisi", "GEO"),
        ("Georgia", "GEO"),
        ("EU", "EU"),
    ]


def test_the_north_is_north_korea_only_in_articles_about_it(mentions):
    body = "North Korea fired a missile. The North also tested a drone."
    assert _pairs(mentions(body))[-1] == ("The North", "PRK")
    assert mentions("The North of England voted.").is_empty()


def test_the_islamic_republic_is_iran_only_in_articles_about_iran(mentions):
    body = "Tehran summoned the envoy. Damascus stood in solidarity with the Islamic Republic."
    assert _pairs(mentions(body))[-1] == ("Islamic Republic", "IRN")
    elsewhere = mentions("Pakistan calls itself the Islamic Republic.")
    assert elsewhere.filter(pl.col("actor_id") == "IRN").is_empty()


def test_the_islamic_republic_of_iran_is_one_mention_of_its_official_name(mentions):
    body = "Tehran, IRNA - The Islamic Republic of Iran and the Kingdom of Saudi Arabia agreed on Friday."
    assert ("Islamic Republic of Iran", "IRN") in _pairs(mentions(body))


def test_foreign_ministry_takes_the_state_named_before_it(mentions):
    body = "North Korea said so in a statement issued by a spokesperson for the North's Foreign Ministry."
    fm = mentions(body).filter(pl.col("surface") == "Foreign Ministry")
    assert fm.select("actor_id", "country", "role", "rule").row(0) == (
        "PRK.FOREIGN_MINISTRY",
        "PRK",
        "foreign ministry",
        "context",
    )


def test_ministry_takes_the_state_named_after_of(mentions):
    fm = mentions("The Ministry of Foreign Affairs of Japan protested.").filter(pl.col("rule") == "context")
    assert fm["actor_id"].to_list() == ["JPN.FOREIGN_MINISTRY"]


def test_foreign_ministry_without_a_nearby_state_is_not_emitted(mentions):
    assert mentions("The Foreign Ministry declined to comment.").is_empty()


def test_national_security_council_falls_back_to_the_us_unless_a_state_is_named(mentions):
    assert _pairs(mentions("National Security Council spokesman John Kirby said it was of concern."))[0] == (
        "National Security Council",
        "USA.NSC",
    )
    assert _pairs(mentions("South Korea's National Security Council met."))[-1] == (
        "National Security Council",
        "KOR.NSC",
    )


def test_a_name_that_needs_a_cue_is_a_state_in_a_list_of_states(mentions):
    text = "The Bahamas, Bangladesh, Barbados, Benin, Chad and Jamaica have also pledged to send police."
    assert "TCD" in [actor for _, actor in _pairs(mentions(text))]


def test_a_name_that_needs_a_cue_is_no_state_in_a_list_of_other_things(mentions):
    assert mentions("Georgia, Florida and Texas voted for the bill.").is_empty()


def test_a_name_that_needs_a_cue_is_no_state_beside_a_state_it_is_not_listed_with(mentions):
    assert [actor for _, actor in _pairs(mentions("Chad said the offer from Russia was generous."))] == [
        "RUS"
    ]


def test_congo_is_the_democratic_republic_in_an_article_naming_kinshasa(mentions):
    body = (
        "The foreign ministers of Congo and Rwanda signed a peace agreement at the State Department on "
        "Friday. Rwanda accused Kinshasa of having failed to act against the FDLR."
    )
    congo = [actor for surface, actor in _pairs(mentions(body)) if surface == "Congo"]
    assert congo == ["COD"]


def test_congo_is_the_republic_in_an_article_naming_brazzaville(mentions):
    body = "Congo and Gabon agreed to reopen the border, officials in Brazzaville said."
    assert [actor for surface, actor in _pairs(mentions(body)) if surface == "Congo"] == ["COG"]


def test_congo_listed_beside_a_state_without_a_cue_is_neither_congo(mentions):
    body = "The foreign ministers of Congo and Rwanda signed a peace agreement in Washington on Friday."
    assert _pairs(mentions(body)) == [("Rwanda", "RWA"), ("Washington", "USA")]


def test_a_capital_stands_for_its_state_and_guinea_bissau_stays_one_name(mentions):
    body = "Guinea-Bissau's government said Bissau does not receive orders from anyone."
    assert _pairs(mentions(body)) == [("Guinea-Bissau", "GNB"), ("Bissau", "GNB")]


def test_a_capital_sharing_its_name_with_other_cities_needs_its_state_in_the_article(mentions):
    assert mentions("Students marched through Georgetown to the university.").is_empty()
    body = "Guyana's president said Georgetown would not cede an inch of Essequibo."
    assert ("Georgetown", "GUY") in _pairs(mentions(body))


def test_the_emirates_is_the_uae_but_emirates_alone_is_the_airline(mentions):
    body = "We are recalling our ambassador and closing our embassy and consulate general in the Emirates."
    assert _pairs(mentions(body)) == [("the Emirates", "ARE")]
    assert [a for _, a in _pairs(mentions("Emirates suspended its flights to Lagos and Abuja."))] == ["NGA"]


def test_long_official_names_match_in_any_case(mentions):
    assert _pairs(mentions("THE UNITED ARAB EMIRATES CONDEMNED IT")) == [("UNITED ARAB EMIRATES", "ARE")]


def test_sentence_numbers_come_from_split_sentences(mentions):
    body = "Russia denied it. The United States voiced alarm."
    out = mentions(body)
    sentences = split_sentences(pl.DataFrame({"article_id": ["a"], "body": [body]}))
    assert out["sentence_no"].to_list() == [0, 1]
    assert sentences.height == 2


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.stem)
def test_every_sample_mention_slices_back_and_resolves_to_a_known_actor(path, dictionary):
    body = path.read_text(encoding="utf-8")
    frame = pl.DataFrame({"article_id": [path.stem], "body": [body], "published_on": [NOV_2023]})
    out = find_mentions(frame, dictionary)
    assert out.height > 10
    assert all(body[s:e] == t for s, e, t in out.select("start", "end", "surface").rows())
    assert out.join(dictionary.actors, on="actor_id", how="anti").is_empty()
    assert out["mention_id"].is_unique().all()


def test_unknown_minister_after_a_title_is_an_unresolved_candidate(dictionary):
    body = (
        "Vietnamese Foreign Minister Bui Thanh Son urged ASEAN to uphold its unity. "
        "Secretary of State Antony Blinken said the US was concerned."
    )
    articles = pl.DataFrame({"article_id": ["a"], "body": [body], "published_on": [NOV_2023]})
    out = unresolved_candidates(articles, find_mentions(articles, dictionary), dictionary)
    assert out.select("candidate", "cue", "article_count").rows() == [
        ("Bui Thanh Son", "Foreign Minister", 1)
    ]


def test_unknown_name_before_said_is_a_candidate_counted_per_article(dictionary):
    articles = pl.DataFrame(
        {
            "article_id": ["a", "b"],
            "body": ["Liu Pengyu said Beijing opposed it.", "On Monday Liu Pengyu said the talks went well."],
            "published_on": [NOV_2023, NOV_2023],
        }
    )
    out = unresolved_candidates(articles, find_mentions(articles, dictionary), dictionary)
    assert out.row(0) == ("Liu Pengyu", "said", 2, ["a", "b"])


def test_candidates_of_two_batches_merged_equal_the_candidates_of_both_at_once(dictionary):
    bodies = {
        "a": "Liu Pengyu said Beijing opposed it.",
        "b": "Vietnamese Foreign Minister Bui Thanh Son urged ASEAN to uphold its unity.",
        "c": "On Monday Liu Pengyu said the talks went well.",
        "d": "Liu Pengyu said so again. Foreign Minister Bui Thanh Son agreed.",
        "e": "Later Liu Pengyu said nothing new.",
    }
    articles = pl.DataFrame(
        {"article_id": list(bodies), "body": list(bodies.values()), "published_on": [NOV_2023] * 5}
    )

    def found(frame: pl.DataFrame) -> pl.DataFrame:
        return unresolved_candidates(frame, find_mentions(frame, dictionary), dictionary)

    first, second = articles.filter(pl.col("article_id") >= "c"), articles.filter(pl.col("article_id") < "c")
    merged = merge_candidates(found(first), found(second))
    assert merged.rows() == found(articles).rows()
    assert merged.row(0) == ("Liu Pengyu", "said", 4, ["a", "c", "d"])


def test_surname_at_the_start_of_a_line_is_not_taken_for_a_second_name(mentions):
    out = mentions(
        "Previous Story\n\nMacron urges Israel to stop bombing Gaza", published_on=date(2023, 11, 11)
    )
    assert ("Macron", "emmanuel_macron") in _pairs(out)


def test_neighbouring_state_is_a_cue_for_an_ambiguous_name(mentions):
    body = "Niger's junta expelled the envoy. Neighbouring Chad has offered to mediate."
    assert ("Chad", "TCD") in _pairs(mentions(body))
    assert mentions("A farmer in Chad Valley told us his turkey flock had done well.").is_empty()


def test_precomputed_sentences_give_the_same_mentions(dictionary):
    body = Path(ARTICLES / "000_a24ce27e9f12f428.txt").read_text(encoding="utf-8")
    articles = pl.DataFrame({"article_id": ["000"], "body": [body], "published_on": [date(2023, 9, 14)]})
    sentences = split_sentences(articles.select("article_id", "body"))
    assert find_mentions(articles, dictionary, sentences).equals(find_mentions(articles, dictionary))
