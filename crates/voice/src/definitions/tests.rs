#![allow(clippy::unwrap_used)]

use super::*;

const GOOD: &str = r#"handoffs:
  - name: billing_line
    description: Billing specialists on the phone
    is_default: true
    sip_config:
      method: refer
      phone_number: "+15551230000"
    sip_headers:
      - key: X-Queue
        value: billing
    fallback: billing_warm
  - name: billing_warm
    sip_config:
      method: invite
      phone_number: "+15551230001"
      outbound_endpoint: sip:pbx.example.com:5060
      outbound_encryption: UDP/RTP
    fallback: billing_desk
  - name: billing_desk
    queue: billing
  - name: hang_up
    sip_config:
      method: bye
  - name: alice
    user: alice
"#;

fn err(text: &str) -> (usize, usize, String, String) {
    match Handoffs::from_yaml("handoffs.yaml", text) {
        Err(VoiceError::Invalid {
            line,
            column,
            field,
            message,
            ..
        }) => (line, column, field, message),
        other => panic!("expected an error, got {other:?}"),
    }
}

#[test]
fn a_complete_file_reads() {
    let h = Handoffs::from_yaml("handoffs.yaml", GOOD).unwrap();
    assert_eq!(h.definitions().len(), 5);
    assert_eq!(h.default_definition().unwrap().name, "billing_line");
    let line = h.get("billing_line").unwrap();
    assert_eq!(
        line.target,
        Target::Refer {
            phone_number: PhoneNumber::parse("+15551230000").unwrap()
        }
    );
    assert_eq!(line.sip_headers[0].key.as_str(), "X-Queue");
    assert_eq!(h.get("hang_up").unwrap().target, Target::Bye);
    assert!(h.get("hang_up").unwrap().sip_headers.is_empty());
    assert_eq!(h.get("alice").unwrap().target, Target::User("alice".into()));
}

#[test]
fn reading_writing_and_reading_again_gives_the_same_definitions() {
    let first = Handoffs::from_yaml("a.yaml", GOOD).unwrap();
    let written = first.to_yaml().unwrap();
    let second = Handoffs::from_yaml("b.yaml", &written).unwrap();
    assert_eq!(first, second);
    // An absent `sip_headers` stays absent when written back.
    assert_eq!(written.matches("sip_headers").count(), 1);
}

#[test]
fn absent_or_null_sip_headers_read_as_an_empty_list() {
    let text = "handoffs:\n  - name: a\n    is_default: true\n    sip_config:\n      method: refer\n      phone_number: '+4930123456'\n    sip_headers:\n";
    let h = Handoffs::from_yaml("h.yaml", text).unwrap();
    assert!(h.get("a").unwrap().sip_headers.is_empty());
}

#[test]
fn a_number_that_is_not_e164_is_refused_at_its_line() {
    let text = GOOD.replace("\"+15551230001\"", "\"555-1230\"");
    let (line, column, field, message) = err(&text);
    assert_eq!(field, "handoffs[1].sip_config.phone_number");
    assert_eq!(line, 15, "{message}");
    assert_eq!(column, 7);
    assert!(message.contains("E.164"), "{message}");
    for bad in [
        "+0123",
        "+1",
        "+1234567890123456",
        "+1 555 123",
        "15551230000",
    ] {
        assert!(PhoneNumber::parse(bad).is_err(), "{bad}");
    }
    assert!(PhoneNumber::parse("+4930123456").is_ok());
}

#[test]
fn exactly_one_default() {
    let none = GOOD.replace("    is_default: true\n", "");
    let (_, _, field, message) = err(&none);
    assert_eq!(field, "handoffs");
    assert!(message.contains("no definition is the default"));
    let two = GOOD.replace(
        "  - name: billing_desk\n",
        "  - name: billing_desk\n    is_default: true\n",
    );
    let (line, _, field, message) = err(&two);
    assert_eq!(field, "handoffs[2].is_default");
    assert_eq!(line, 20);
    assert!(message.contains("second default"), "{message}");
}

#[test]
fn names_are_unique() {
    let text = GOOD.replace("name: alice", "name: billing_desk");
    let (line, column, field, message) = err(&text);
    assert_eq!(field, "handoffs[4].name");
    assert_eq!((line, column), (24, 5));
    assert!(message.contains("used twice"));
}

#[test]
fn fields_are_allowed_per_method() {
    let text = GOOD.replace(
        "      method: bye\n",
        "      method: bye\n      phone_number: \"+15551230000\"\n",
    );
    let (line, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[3].sip_config.phone_number");
    assert_eq!(line, 24);
    assert!(
        message.contains("not allowed with `method: bye`"),
        "{message}"
    );

    let text = GOOD.replace(
        "      phone_number: \"+15551230000\"\n",
        "      phone_number: \"+15551230000\"\n      outbound_endpoint: pbx:5060\n",
    );
    let (_, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[0].sip_config.outbound_endpoint");
    assert!(message.contains("method: refer"), "{message}");

    let text = GOOD.replace("      outbound_endpoint: sip:pbx.example.com:5060\n", "");
    let (_, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[1].sip_config.method");
    assert!(message.contains("needs `outbound_endpoint`"), "{message}");

    let text = GOOD.replace("UDP/RTP", "SRTP");
    let (line, _, field, _) = err(&text);
    assert_eq!(field, "handoffs[1].sip_config.outbound_encryption");
    assert_eq!(line, 17);
}

#[test]
fn unknown_fields_are_refused_with_their_path() {
    let text = GOOD.replace(
        "    queue: billing\n",
        "    queue: billing\n    colour: red\n",
    );
    let (line, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[2].colour");
    assert_eq!(line, 21);
    assert!(message.contains("unknown field"), "{message}");
}

#[test]
fn header_names_follow_the_token_grammar_and_skip_the_dialogs_own() {
    let text = GOOD.replace("key: X-Queue", "key: \"X Queue\"");
    let (line, column, field, message) = err(&text);
    assert_eq!(field, "handoffs[0].sip_headers[0].key");
    assert_eq!((line, column), (9, 9));
    assert!(message.contains("not a SIP header name"), "{message}");
    let text = GOOD.replace("key: X-Queue", "key: Call-ID");
    let (_, _, _, message) = err(&text);
    assert!(message.contains("written by Baton"), "{message}");
    assert!(is_header_token("X-Customer-Tier.v2~"));
    assert!(!is_header_token("X:Tier"));
    assert!(!is_header_token(""));
    assert!(HeaderValue::parse("a\r\nVia: evil").is_err());
}

#[test]
fn fallbacks_name_a_definition_and_never_cycle() {
    let text = GOOD.replace("fallback: billing_desk", "fallback: nowhere");
    let (line, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[1].fallback");
    assert_eq!(line, 18);
    assert!(message.contains("`nowhere`"));

    let text = GOOD.replace("fallback: billing_desk", "fallback: billing_line");
    let (_, _, field, message) = err(&text);
    assert!(field.ends_with(".fallback"), "{field}");
    assert!(
        message.contains("billing_line → billing_warm → billing_line"),
        "{message}"
    );
}

#[test]
fn one_target_per_definition() {
    let text = GOOD.replace(
        "    queue: billing\n",
        "    queue: billing\n    agent: bot2\n",
    );
    let (_, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[2].agent");
    assert!(message.contains("more than one target"));
    let text = GOOD.replace("    user: alice\n", "");
    let (_, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[4].sip_config");
    assert!(message.contains("no target"));
}

#[test]
fn the_chain_follows_fallbacks_then_the_default() {
    let h = Handoffs::from_yaml("h.yaml", GOOD).unwrap();
    let names = |n: &str| {
        h.chain(n)
            .iter()
            .map(|d| d.name.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(
        names("billing_warm"),
        ["billing_warm", "billing_desk", "billing_line"]
    );
    assert_eq!(
        names("billing_line"),
        ["billing_line", "billing_warm", "billing_desk"]
    );
    assert!(names("nobody").is_empty());
}

#[test]
fn references_resolve_by_name() {
    let h = Handoffs::from_yaml("h.yaml", GOOD).unwrap();
    assert_eq!(
        h.resolve("{{ho:billing_desk}}").unwrap().unwrap().target,
        Target::Queue("billing".into())
    );
    assert_eq!(h.resolve("{{ ho:ghost }}").unwrap().unwrap_err(), "ghost");
    assert!(h.resolve("billing").is_none());
}

#[test]
fn endpoints() {
    for good in [
        "pbx.example.com",
        "sip:pbx:5060",
        "127.0.0.1:5070",
        "sip:[::1]:5060;transport=tcp",
    ] {
        assert!(is_endpoint(good), "{good}");
    }
    for bad in ["", "sip:", "sip:alice@pbx", "pbx:0", "pbx:99999", "pb x"] {
        assert!(!is_endpoint(bad), "{bad}");
    }
}

#[test]
fn brief_for_is_a_duration_on_a_warm_transfer_only() {
    let good = GOOD.replace(
        "outbound_encryption: UDP/RTP\n",
        "outbound_encryption: UDP/RTP\n      brief_for: 20s\n",
    );
    let h = Handoffs::from_yaml("handoffs.yaml", &good).unwrap();
    let again = Handoffs::from_yaml("again.yaml", &h.to_yaml().unwrap()).unwrap();
    assert_eq!(h, again);
    assert!(matches!(
        h.get("billing_warm").unwrap().target,
        Target::Invite { brief_for: Some(d), .. } if d == std::time::Duration::from_secs(20)
    ));
    let text = good.replace(
        "      phone_number: \"+15551230000\"\n",
        "      phone_number: \"+15551230000\"\n      brief_for: 5s\n",
    );
    let (_, _, field, message) = err(&text);
    assert_eq!(field, "handoffs[0].sip_config.brief_for", "{message}");
    let (_, _, field, message) = err(&good.replace("brief_for: 20s", "brief_for: soon"));
    assert_eq!(field, "handoffs[1].sip_config.brief_for", "{message}");
}
