//! Tests of names in quoted headlines and titles, and of the words before a lone surname.

use super::names::quoted_headlines;
use super::*;

fn extractor() -> ActorExtractor {
    ActorExtractor::from_config(&Config::builtin()).expect("built-in gazetteer loads")
}

/// The names of the actors of `kind` in `body`, in order.
fn of_kind(body: &str, kind: ActorKind) -> Vec<String> {
    let actors = extractor().extract(&Article::new("t", "t.txt", body));
    actors.into_iter().filter(|a| a.kind == kind).map(|a| a.name).collect()
}

fn persons(body: &str, date: &str) -> Vec<(String, Vec<String>)> {
    let extractor = extractor();
    let mut article = Article::new("t", "t.txt", body);
    article.published = Some(date.parse().expect("test date"));
    let actors = extractor.extract(&article);
    for m in actors.iter().flat_map(|a| &a.mentions) {
        assert_eq!(&body[m.start..m.end], m.text, "mentions cite the body");
    }
    actors
        .into_iter()
        .filter(|a| a.kind == ActorKind::Person)
        .map(|a| (a.name, a.mentions.into_iter().map(|m| m.text).collect()))
        .collect()
}

fn names(body: &str) -> Vec<String> {
    persons(body, "2016-03-01").into_iter().map(|(name, _)| name).collect()
}

#[test]
fn a_quoted_headline_in_title_case_adds_words_to_a_known_name() {
    let body = "The paper ran \"Donald Trump Leads In Iowa\" across its front page, and the rival \
                ran “Hillary Clinton Wins Big” on Tuesday.";
    assert_eq!(names(body), ["Donald Trump", "Hillary Clinton"]);
}

#[test]
fn capitals_in_a_quoted_headline_are_no_name_by_themselves() {
    // Without the quotation read as a headline, each was a person whose surname recurs.
    let found = names("Protesters shouted \"Dump Trump\" and Trump waved. Trump left.");
    assert!(found.iter().all(|n| n == "Donald Trump"), "{found:?}");
    assert!(names("The slogan was “Forget Mobutu” and Mobutu fled.").is_empty());
}

#[test]
fn a_name_after_a_lower_case_word_in_a_quoted_title_is_a_name() {
    // The show's title is in title case, but "with" reads the rest as prose again.
    assert_eq!(names("In an interview on “Real Time with Bill Maher,” the senator laughed."), ["Bill Maher"]);
    // A quotation that is only a name quotes the name.
    assert_eq!(names("He cited \"Ralph Nader\" as his guilty pleasure."), ["Ralph Nader"]);
}

#[test]
fn quoted_headlines_cover_the_opening_run_of_capitals() {
    let text = "ran “Pastor Kevin Swanson Wins” and \"Generations with Kevin Swanson\" and \"a quote\" «x»";
    let spans: Vec<&str> =
        quoted_headlines(text, super::title_case).into_iter().map(|(s, e)| &text[s..e]).collect();
    assert_eq!(spans, ["Pastor Kevin Swanson Wins", "Generations"]);
    // Quotation marks of several bytes next to any text never cut a character.
    let tricky = "“Ünïcödé Wörds Ëverywhere” “é” \"Ab Cd Ef\u{201D}\u{201D}\"\u{201C}";
    for cut in 0..=tricky.len() {
        if let Some(text) = tricky.get(..cut) {
            for (s, e) in quoted_headlines(text, super::title_case) {
                assert!(text.get(s..e).is_some());
            }
        }
    }
}

#[test]
fn the_definite_article_opening_a_sentence_makes_a_name_no_person() {
    assert!(names("The Emma Maersk docked in Rotterdam after a long voyage.").is_empty());
}

#[test]
fn a_place_after_a_name_of_two_words_is_no_part_of_it() {
    assert_eq!(names("Bernie Sanders Iowa campaign staff gathered in Des Moines."), ["Bernie Sanders"]);
    // A name of one word and a place may be a name.
    assert_eq!(names("Whitney Houston said she would sing."), ["Whitney Houston"]);
}

#[test]
fn a_courtesy_title_before_a_surname_agrees_with_the_persons_sex() {
    let body = "The first lady, Michelle Obama, spoke first. Then Mr. Obama said the vote mattered, \
                and Mrs. Obama nodded.";
    let found = persons(body, "2016-09-19");
    let of = |name: &str| found.iter().find(|(n, _)| n == name).map(|(_, m)| m.clone()).unwrap_or_default();
    assert_eq!(of("Michelle Obama"), ["Michelle Obama", "Obama"]);
    assert_eq!(of("Barack Obama"), ["Obama"]);
    // Betty Ford is not Gerald Ford.
    let found =
        persons("Former president Gerald Ford died. We send our condolences to Mrs Ford.", "2006-12-27");
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, ["Gerald Ford"]);
}

#[test]
fn an_office_before_a_surname_names_who_held_it_on_the_day() {
    let body = "Michelle Obama campaigned in Ohio. President Obama joined her later.";
    let found = persons(body, "2016-09-19");
    let of = |name: &str| found.iter().find(|(n, _)| n == name).map(|(_, m)| m.len()).unwrap_or(0);
    assert_eq!((of("Michelle Obama"), of("Barack Obama")), (1, 1));
    // A word written in lower case before the surname is no title: "Polls miss Trump's fall".
    let found = persons("Donald Trump lost Iowa. Polls miss Trump's fall.", "2016-02-04");
    assert_eq!(found[0].1, ["Donald Trump", "Trump"]);
}

#[test]
fn a_bare_surname_of_two_persons_is_the_one_the_article_calls_by_it() {
    // Michelle Obama is named in full first, but the article calls the president "Obama".
    let body = "The first lady, Michelle Obama, hosted the party. President Obama spoke. Mr. Obama \
                left early, and the Obama White House cut the parties to a handful.";
    let found = persons(body, "2015-12-15");
    let of = |name: &str| found.iter().find(|(n, _)| n == name).map(|(_, m)| m.clone()).unwrap_or_default();
    assert_eq!(of("Michelle Obama"), ["Michelle Obama"]);
    assert_eq!(of("Barack Obama"), ["Obama", "Obama", "Obama"]);
    // Named in full after the surname has become her husband's, Betty Ford never takes it.
    let body = "Former President Gerald Ford died. Ford was 93. His widow Betty Ford, 88, attended. \
                The rector praised Ford.";
    let found = persons(body, "2006-12-30");
    let of = |name: &str| found.iter().find(|(n, _)| n.ends_with(name)).map(|(_, m)| m.len()).unwrap_or(0);
    assert_eq!((of("Gerald R. Ford"), of("Betty Ford")), (3, 1), "{found:?}");
}

#[test]
fn a_word_written_in_lower_case_opens_no_name_that_only_a_recurring_surname_vouches_for() {
    // "Young Latinos" and "Special Operations" were persons whose last word recurs alone.
    let body = "Clinton won the state. The reason? Young Latinos voted early, as young voters do. \
                Sanders had hoped to do better with Latinos.";
    assert!(!names(body).iter().any(|n| n.contains("Latinos")), "{:?}", names(body));
    let body = "Special Operations fill the gap. The plan makes room for Operations, and special \
                forces train.";
    assert!(!names(body).iter().any(|n| n.contains("Operations")), "{:?}", names(body));
    // A given name, an initial or a particle opening the name still counts.
    let body = "Mark Barden ran the field team, and the donors hit the mark. Then they saw Barden leave.";
    assert_eq!(names(body), ["Mark Barden"]);
    // A name coordinated with a person's is a person's whatever its first word.
    let body = "Celebrities such as Jennifer Lopez and Will Smith came, though it will rain.";
    assert!(names(body).contains(&"Will Smith".to_string()), "{:?}", names(body));
}

#[test]
fn a_body_opening_with_its_title_ending_otherwise_reads_it_as_the_headline() {
    let extractor = extractor();
    let title = "Donald Trump Praises Breitbart’s Washington Editor Ann Vale: ‘Very Good Reporter’";
    let body = format!("{title}.’\n\nDonald Trump praised Ann Vale on Monday. Vale thanked him.")
        .replace("Reporter’.’", "Reporter.’");
    let mut article = Article::new("t", "t.txt", &body);
    article.title = title.to_string();
    article.published = Some("2016-02-16".parse().expect("test date"));
    let actors = extractor.extract(&article);
    let persons: Vec<&str> =
        actors.iter().filter(|a| a.kind == ActorKind::Person).map(|a| a.name.as_str()).collect();
    assert_eq!(persons, ["Donald Trump", "Ann Vale"]);
    // The title is that copy: its words are not mentioned twice.
    assert!(actors.iter().flat_map(|a| &a.mentions).all(|m| m.field.is_none()));
    assert_eq!(title_copy(title, &body), Some(body.find('\n').expect("two lines")));
    assert_eq!(title_copy(title, "Another opening.\n"), None);
    // A long first line taken for the title, shortened.
    let line = "Officials met in Seoul on Monday. ".repeat(20);
    let body = format!("{}\n\nMore.", line.trim_end());
    let shortened = crate::article::title_from_body(&body);
    assert!(shortened.ends_with('…'), "{shortened}");
    assert_eq!(title_copy(&shortened, &body), Some(line.trim_end().len()));
    assert_eq!(title_copy(&shortened, "Officials met elsewhere.\n"), None);
}

#[test]
fn a_headline_quoting_a_name_before_its_colon_names_a_person() {
    let extractor = extractor();
    let persons = |title: &str| {
        let body = format!("{title}\n\nRichards also spoke about Texas, and the mayor spoke too.");
        let mut article = Article::new("t", "t.txt", &body);
        article.title = title.to_string();
        let actors = extractor.extract(&article);
        actors.into_iter().filter(|a| a.kind == ActorKind::Person).map(|a| a.name).collect::<Vec<_>>()
    };
    assert_eq!(persons("Cecile Richards: ‘I’m Sick Of It’"), ["Cecile Richards"]);
    // No name: its last word is not named again.
    let found = persons("Trump Addresses Munich Attack: ‘This Cannot Continue’");
    assert!(!found.iter().any(|n| n.contains("Attack")), "{found:?}");
}

#[test]
fn airlines_and_parties_are_organisations_and_a_name_said_after_one_is_a_person() {
    let body = "Air France and Malaysia Air bid for South Africa's Sun Air, the director of sales of \
                Cosmic Air Simrik Shrestha said. Senior Likud officials met as Likud lost ground.";
    assert_eq!(of_kind(body, ActorKind::Person), ["Simrik Shrestha"]);
    let orgs = of_kind(body, ActorKind::Organization);
    for org in ["Malaysia Air", "Sun Air", "Cosmic Air", "Likud"] {
        assert!(orgs.iter().any(|o| o == org), "{org} in {orgs:?}");
    }
}

#[test]
fn two_words_of_which_one_is_a_place_name_no_one_without_a_given_name() {
    for body in [
        "The Florida Latino vote split, and Latino turnout rose, Florida Latino leaders said.",
        "The Milwaukee Brewers won, and the Brewers celebrated as Milwaukee Brewers fans sang.",
        "Rockets fell on the Gaza Strip, and Strip residents fled, Gaza Strip officials said.",
    ] {
        assert!(names(body).is_empty(), "{body}: {:?}", names(body));
    }
}

#[test]
fn a_compound_in_lower_case_before_a_name_describes_it() {
    let body = "Man-of-the-match Sanath Jayasuriya said he was proud. All-rounder Jacques Kallis said he \
                was tired. Dan-el Padilla Peralta said he would teach.";
    assert_eq!(names(body), ["Sanath Jayasuriya", "Jacques Kallis", "Dan-el Padilla Peralta"]);
}

#[test]
fn a_sentence_opening_word_before_anothers_surname_makes_no_person() {
    let body = "Understated Perez raises his profile. Labor Secretary Thomas Perez spoke first, and \
                voters cheered Perez later.";
    assert_eq!(names(body), ["Thomas Perez"]);
    // Mid-sentence, a name sharing the surname is a person of its own ("Chelsea Clinton").
    let body = "Bill Clinton spoke, then his daughter Chelsea Clinton joined, and Clinton left.";
    assert!(names(body).contains(&"Chelsea Clinton".to_string()), "{:?}", names(body));
}

#[test]
fn companies_named_like_people_are_organisations() {
    let body = "Bear Stearns collapsed, Freddie Mac was rescued and Planned Parenthood sued; Bear \
                Stearns had warned. Trade Representative Susan Schwab said Schwab would travel.";
    assert_eq!(of_kind(body, ActorKind::Organization), ["Bear Stearns", "Freddie Mac", "Planned Parenthood"]);
    assert_eq!(of_kind(body, ActorKind::Person), ["Susan Schwab"]);
}

#[test]
fn an_abstract_noun_makes_a_name_no_ones_unless_a_given_name_opens_it() {
    let body = "Special Operations fill the gap, and the officers praised Operations. He took the \
                Fifth Amendment, as the Amendment allows. Sean Hannity said Hannity would stay, and \
                Jeff Sessions said Sessions agreed.";
    assert_eq!(names(body), ["Sean Hannity", "Jeff Sessions"]);
}
