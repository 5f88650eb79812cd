"""A bare "Presidential Office" in a paper's own copy is that paper's country's: the stance step reads the
country of the copy's author from the outlet (or the wire) in a real materialisation."""

from __future__ import annotations

TAIPEI_TIMES = {
    "url": "https://www.taipeitimes.com/News/front/archives/2025/04/02/2003834560",
    "published": "2025-04-02T00:00:00+08:00",
}
DRILLS = """Presidential Office slams PLA drills as provocation

The People's Liberation Army launched large-scale military drills around the nation on Tuesday, deploying
warships, aircraft and coast guard vessels to simulate a blockade of ports, the Ministry of National
Defense said.

The Presidential Office said China's actions "seriously undermine peace and stability in the Taiwan Strait"
and that the nation would not be intimidated.

Officials said dozens of aircraft had crossed the median line of the Taiwan Strait during the day and that the
armed forces had set up a response center to monitor the exercise around the clock.

Analysts said the drills were the largest since last year and were meant as a warning to the government in
Taipei, which has repeatedly called for dialogue on the basis of parity and dignity.
"""


def test_the_presidential_office_of_a_taipei_times_page_speaks_for_taiwan(pipeline):
    pipeline.write("drills.txt", DRILLS, sidecar=TAIPEI_TIMES)
    assert pipeline.materialize().success
    rows = pipeline.query(
        "SELECT source_actor, target_actor FROM stance_statements WHERE sentence_no = "
        "(SELECT min(sentence_no) FROM sentences WHERE text LIKE 'The Presidential Office said%')"
    )
    assert ("TWN", "CHN") in rows
