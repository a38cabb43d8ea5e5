#![allow(clippy::unwrap_used)]

use super::*;

pub(crate) const CORPUS: &[&str] = &[
    include_str!("../../../../../tests/sip/corpus/invite.sip"),
    include_str!("../../../../../tests/sip/corpus/ok.sip"),
    include_str!("../../../../../tests/sip/corpus/refer.sip"),
    include_str!("../../../../../tests/sip/corpus/notify.sip"),
    include_str!("../../../../../tests/sip/corpus/bye.sip"),
    include_str!("../../../../../tests/sip/corpus/options.sip"),
];

#[test]
fn real_messages_parse() {
    let invite = Message::parse(CORPUS[0].as_bytes()).unwrap();
    assert_eq!(invite.method(), Some("INVITE"));
    assert_eq!(invite.call_id(), "1-4242@127.0.0.1");
    assert_eq!(invite.cseq(), Some((1, "INVITE".into())));
    assert_eq!(invite.branch(), Some("z9hG4bK-1-0"));
    assert_eq!(invite.from_tag(), Some("1"));
    assert_eq!(invite.to_tag(), None);
    assert!(invite.body.starts_with(b"v=0"));
    let ok = Message::parse(CORPUS[1].as_bytes()).unwrap();
    assert_eq!(ok.code(), Some(200));
    assert_eq!(ok.to_tag(), Some("77"));
    // Compact forms read as full names; two Vias are kept in order.
    let notify = Message::parse(CORPUS[3].as_bytes()).unwrap();
    assert_eq!(notify.header("Event"), Some("refer"));
    assert_eq!(notify.all("Via").count(), 2);
    assert_eq!(notify.body, b"SIP/2.0 200 OK\r\n");
    // A folded header is one value.
    let bye = Message::parse(CORPUS[4].as_bytes()).unwrap();
    assert_eq!(bye.from_tag(), Some("1"));
    assert_eq!(
        uri_of(bye.header("From").unwrap()),
        "sip:+15550001111@127.0.0.1:5061"
    );
}

#[test]
fn writing_and_reading_again_gives_the_same_message() {
    for text in CORPUS {
        let m = Message::parse(text.as_bytes()).unwrap();
        assert_eq!(Message::parse(&m.to_bytes()).unwrap(), m);
    }
}

#[test]
fn bad_messages_are_refused_with_a_reason() {
    let invite = CORPUS[0];
    let cases: Vec<(String, ParseError)> = vec![
        (invite[..40].to_owned(), ParseError::Incomplete),
        (
            invite.replace("Content-Length: ", "Content-Length: 9"),
            ParseError::ContentLength,
        ),
        (
            invite.replace("Content-Length: ", "Content-Length: x"),
            ParseError::ContentLength,
        ),
        (
            invite.replace("CSeq: 1 INVITE\r\n", "CSeq: 1 INVITE\r\nCall-ID: other\r\n"),
            ParseError::Duplicate("Call-ID"),
        ),
        (
            invite.replace("CSeq: 1 INVITE", "CSeq: 1 BYE"),
            ParseError::CSeq,
        ),
        (
            invite.replace("Call-ID: 1-4242@127.0.0.1\r\n", ""),
            ParseError::Missing("Call-ID"),
        ),
        (
            invite.replace("Max-Forwards: 70", "Max Forwards: 70"),
            ParseError::Header,
        ),
        (
            invite.replace("SIP/2.0\r\n", "SIP/3.0\r\n"),
            ParseError::StartLine,
        ),
        (
            "\u{0}\u{1}garbage\r\n\r\n".to_owned(),
            ParseError::StartLine,
        ),
    ];
    for (text, expected) in cases {
        assert_eq!(Message::parse(text.as_bytes()), Err(expected), "{text}");
    }
    assert_eq!(
        Message::parse(&vec![b'A'; MAX_MESSAGE + 1]),
        Err(ParseError::TooLarge)
    );
}

#[test]
fn streams_are_cut_by_content_length() {
    let two = format!("{}{}", CORPUS[0], CORPUS[4]);
    let first = frame_len(two.as_bytes()).unwrap().unwrap();
    assert_eq!(first, CORPUS[0].len());
    assert_eq!(frame_len(&two.as_bytes()[..first - 1]).unwrap(), None);
    assert_eq!(
        frame_len(&two.as_bytes()[first..]).unwrap(),
        Some(CORPUS[4].len())
    );
    let no_length = CORPUS[0].replace("Content-Length", "X-Length");
    assert_eq!(
        frame_len(no_length.as_bytes()),
        Err(ParseError::Missing("Content-Length"))
    );
}

#[test]
fn uris_and_params() {
    assert_eq!(
        host_port("sip:+1555@10.0.0.1:5070;transport=udp"),
        Some(("10.0.0.1".into(), 5070))
    );
    assert_eq!(
        host_port("sip:pbx.example.com"),
        Some(("pbx.example.com".into(), 5060))
    );
    assert_eq!(host_port("sip:[::1]:5062"), Some(("::1".into(), 5062)));
    assert_eq!(host_port("tel:+1555"), None);
    assert_eq!(param("<sip:a@b;lr>;tag=9", "tag"), Some("9"));
    assert_eq!(param("<sip:a@b;tag=no>", "tag"), None);
}
