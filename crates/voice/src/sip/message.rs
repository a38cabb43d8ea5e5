//! SIP messages (RFC 3261 §7): parsed strictly enough to route a dialog, leniently
//! enough to pass through what Baton does not look at. Compact header forms are read
//! as their full names. Parsing never panics, whatever the bytes (see the fuzz test).

use std::fmt::Write as _;

/// The largest message accepted, head and body (a datagram cannot be larger either).
pub const MAX_MESSAGE: usize = 65_535;
/// The most header lines one message may carry.
const MAX_HEADERS: usize = 128;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Start {
    Request { method: String, uri: String },
    Response { code: u16, reason: String },
}

/// One SIP message.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Message {
    pub start: Start,
    /// Names as written (compact forms expanded); order kept.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    #[error("the message is larger than {MAX_MESSAGE} bytes")]
    TooLarge,
    #[error("the head is not complete")]
    Incomplete,
    #[error("the head is not UTF-8")]
    NotText,
    #[error("bad start line")]
    StartLine,
    #[error("bad header line")]
    Header,
    #[error("more than {MAX_HEADERS} headers")]
    TooManyHeaders,
    #[error("missing {0}")]
    Missing(&'static str),
    #[error("{0} appears more than once")]
    Duplicate(&'static str),
    #[error("bad Content-Length")]
    ContentLength,
    #[error("bad CSeq")]
    CSeq,
}

fn expand(name: &str) -> &str {
    match name.to_ascii_lowercase().as_str() {
        "i" => "Call-ID",
        "m" => "Contact",
        "e" => "Content-Encoding",
        "l" => "Content-Length",
        "c" => "Content-Type",
        "f" => "From",
        "s" => "Subject",
        "k" => "Supported",
        "t" => "To",
        "v" => "Via",
        "r" => "Refer-To",
        "b" => "Referred-By",
        "o" => "Event",
        "u" => "Allow-Events",
        _ => name,
    }
}

fn is_token(s: &str) -> bool {
    crate::definitions::is_header_token(s)
}

/// Finds the end of the head (`\r\n\r\n`), tolerating bare `\n\n`.
fn head_end(buf: &[u8]) -> Option<(usize, usize)> {
    if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
        return Some((i, i + 4));
    }
    buf.windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| (i, i + 2))
}

/// How many bytes the first message in a stream takes, once its head is complete:
/// `Ok(None)` when more bytes are needed. Over TCP, `Content-Length` is mandatory.
pub fn frame_len(buf: &[u8]) -> Result<Option<usize>, ParseError> {
    let Some((head, body_start)) = head_end(buf) else {
        return if buf.len() > MAX_MESSAGE {
            Err(ParseError::TooLarge)
        } else {
            Ok(None)
        };
    };
    let text = std::str::from_utf8(&buf[..head]).map_err(|_| ParseError::NotText)?;
    let mut length = None;
    for line in text.split('\n').skip(1) {
        if let Some((name, value)) = line.split_once(':')
            && expand(name.trim()).eq_ignore_ascii_case("Content-Length")
        {
            if length.is_some() {
                return Err(ParseError::Duplicate("Content-Length"));
            }
            length = Some(
                value
                    .trim()
                    .parse::<usize>()
                    .map_err(|_| ParseError::ContentLength)?,
            );
        }
    }
    let length = length.ok_or(ParseError::Missing("Content-Length"))?;
    let total = body_start
        .checked_add(length)
        .ok_or(ParseError::ContentLength)?;
    if total > MAX_MESSAGE {
        return Err(ParseError::TooLarge);
    }
    Ok((buf.len() >= total).then_some(total))
}

impl Message {
    /// Parses one whole message (a datagram, or a frame cut by [`frame_len`]).
    pub fn parse(buf: &[u8]) -> Result<Message, ParseError> {
        if buf.len() > MAX_MESSAGE {
            return Err(ParseError::TooLarge);
        }
        // Keep-alives and stray line breaks before a message are skipped.
        let start = buf
            .iter()
            .position(|b| !matches!(b, b'\r' | b'\n'))
            .ok_or(ParseError::Incomplete)?;
        let buf = &buf[start..];
        let (head, body_start) = head_end(buf).ok_or(ParseError::Incomplete)?;
        let text = std::str::from_utf8(&buf[..head]).map_err(|_| ParseError::NotText)?;
        let mut lines = text.split('\n').map(|l| l.strip_suffix('\r').unwrap_or(l));
        let first = lines.next().ok_or(ParseError::StartLine)?;
        let start = parse_start(first)?;
        let mut headers: Vec<(String, String)> = Vec::new();
        for line in lines {
            if line.starts_with([' ', '\t']) {
                // A folded continuation line (RFC 3261 §7.3.1).
                let last = headers.last_mut().ok_or(ParseError::Header)?;
                let more = line.trim();
                if !last.1.is_empty() && !more.is_empty() {
                    last.1.push(' ');
                }
                last.1.push_str(more);
                continue;
            }
            let (name, value) = line.split_once(':').ok_or(ParseError::Header)?;
            let name = name.trim_end();
            if !is_token(name) {
                return Err(ParseError::Header);
            }
            if headers.len() == MAX_HEADERS {
                return Err(ParseError::TooManyHeaders);
            }
            headers.push((expand(name).to_owned(), value.trim().to_owned()));
        }
        let rest = &buf[body_start..];
        let mut lengths = headers
            .iter()
            .filter(|(n, _)| n.eq_ignore_ascii_case("Content-Length"));
        let body = match (lengths.next(), lengths.next()) {
            (Some(_), Some(_)) => return Err(ParseError::Duplicate("Content-Length")),
            (Some((_, v)), None) => {
                let n: usize = v.parse().map_err(|_| ParseError::ContentLength)?;
                if n > rest.len() {
                    return Err(ParseError::ContentLength);
                }
                rest[..n].to_vec()
            }
            (None, _) => rest.to_vec(),
        };
        // The length is the body's; it is written again from the body.
        headers.retain(|(n, _)| !n.eq_ignore_ascii_case("Content-Length"));
        let msg = Message {
            start,
            headers,
            body,
        };
        for (name, what) in [
            ("Via", "Via"),
            ("Call-ID", "Call-ID"),
            ("From", "From"),
            ("To", "To"),
            ("CSeq", "CSeq"),
        ] {
            if msg.header(name).is_none() {
                return Err(ParseError::Missing(what));
            }
        }
        for (name, what) in [
            ("Call-ID", "Call-ID"),
            ("From", "From"),
            ("To", "To"),
            ("CSeq", "CSeq"),
        ] {
            if msg.all(name).nth(1).is_some() {
                return Err(ParseError::Duplicate(what));
            }
        }
        let (_, method) = msg.cseq().ok_or(ParseError::CSeq)?;
        if let Start::Request { method: m, .. } = &msg.start
            && *m != method
        {
            return Err(ParseError::CSeq);
        }
        Ok(msg)
    }

    pub fn request(method: &str, uri: &str) -> Message {
        Message {
            start: Start::Request {
                method: method.to_owned(),
                uri: uri.to_owned(),
            },
            headers: Vec::new(),
            body: Vec::new(),
        }
    }

    /// A response to `req`, copying Via, From, To, Call-ID and CSeq (RFC 3261 §8.2.6).
    pub fn response_to(req: &Message, code: u16, reason: &str) -> Message {
        let mut headers = Vec::new();
        for (n, v) in &req.headers {
            if ["Via", "From", "To", "Call-ID", "CSeq", "Record-Route"]
                .iter()
                .any(|h| h.eq_ignore_ascii_case(n))
                && (!n.eq_ignore_ascii_case("Record-Route") || (101..300).contains(&code))
            {
                headers.push((n.clone(), v.clone()));
            }
        }
        Message {
            start: Start::Response {
                code,
                reason: reason.to_owned(),
            },
            headers,
            body: Vec::new(),
        }
    }

    /// Replaces a request's Request-URI.
    pub fn uri_set(&mut self, new: &str) {
        if let Start::Request { uri, .. } = &mut self.start {
            new.clone_into(uri);
        }
    }

    pub fn method(&self) -> Option<&str> {
        match &self.start {
            Start::Request { method, .. } => Some(method),
            Start::Response { .. } => None,
        }
    }

    pub fn code(&self) -> Option<u16> {
        match &self.start {
            Start::Response { code, .. } => Some(*code),
            Start::Request { .. } => None,
        }
    }

    pub fn uri(&self) -> Option<&str> {
        match &self.start {
            Start::Request { uri, .. } => Some(uri),
            Start::Response { .. } => None,
        }
    }

    /// The first value of a header (case-insensitive name).
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    /// Every value of a header, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.headers
            .iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn push(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        self.headers.push((name.to_owned(), value.into()));
        self
    }

    pub fn remove(&mut self, name: &str) -> &mut Self {
        self.headers.retain(|(n, _)| !n.eq_ignore_ascii_case(name));
        self
    }

    pub fn set(&mut self, name: &str, value: impl Into<String>) -> &mut Self {
        self.remove(name);
        self.push(name, value)
    }

    pub fn call_id(&self) -> &str {
        self.header("Call-ID").unwrap_or("")
    }

    /// CSeq number and method.
    pub fn cseq(&self) -> Option<(u32, String)> {
        let v = self.header("CSeq")?;
        let (n, m) = v.split_once(char::is_whitespace)?;
        let m = m.trim();
        (!m.is_empty() && is_token(m)).then_some(())?;
        Some((n.trim().parse().ok()?, m.to_owned()))
    }

    /// The branch of the top Via.
    pub fn branch(&self) -> Option<&str> {
        param(first_value(self.header("Via")?), "branch")
    }

    pub fn from_tag(&self) -> Option<&str> {
        param(self.header("From")?, "tag")
    }

    pub fn to_tag(&self) -> Option<&str> {
        param(self.header("To")?, "tag")
    }

    /// Writes the message, with a `Content-Length` matching the body.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = String::with_capacity(512 + self.body.len());
        match &self.start {
            Start::Request { method, uri } => {
                let _ = write!(out, "{method} {uri} SIP/2.0\r\n");
            }
            Start::Response { code, reason } => {
                let _ = write!(out, "SIP/2.0 {code} {reason}\r\n");
            }
        }
        for (n, v) in &self.headers {
            if !n.eq_ignore_ascii_case("Content-Length") {
                let _ = write!(out, "{n}: {v}\r\n");
            }
        }
        let _ = write!(out, "Content-Length: {}\r\n\r\n", self.body.len());
        let mut bytes = out.into_bytes();
        bytes.extend_from_slice(&self.body);
        bytes
    }
}

fn parse_start(line: &str) -> Result<Start, ParseError> {
    if let Some(rest) = line.strip_prefix("SIP/2.0 ") {
        let (code, reason) = rest.split_once(' ').unwrap_or((rest, ""));
        let code: u16 = code.parse().map_err(|_| ParseError::StartLine)?;
        if !(100..700).contains(&code) {
            return Err(ParseError::StartLine);
        }
        return Ok(Start::Response {
            code,
            reason: reason.to_owned(),
        });
    }
    let mut parts = line.split(' ');
    let (Some(method), Some(uri), Some("SIP/2.0"), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ParseError::StartLine);
    };
    if !is_token(method) || uri.is_empty() || !uri.contains(':') {
        return Err(ParseError::StartLine);
    }
    Ok(Start::Request {
        method: method.to_owned(),
        uri: uri.to_owned(),
    })
}

/// The first of comma-separated header values (Via may hold several).
pub fn first_value(v: &str) -> &str {
    v.split(',').next().unwrap_or(v).trim()
}

/// A `;name=value` parameter of a header value (after the URI's `>` when there is one).
pub fn param<'a>(value: &'a str, name: &str) -> Option<&'a str> {
    let params = match value.rfind('>') {
        Some(i) => &value[i + 1..],
        None => value,
    };
    params.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=').unwrap_or((p, ""));
        k.trim().eq_ignore_ascii_case(name).then(|| v.trim())
    })
}

/// The URI inside a name-addr (`"Ada" <sip:ada@x>;tag=1` → `sip:ada@x`).
pub fn uri_of(value: &str) -> &str {
    match (value.find('<'), value.find('>')) {
        (Some(a), Some(b)) if a < b => &value[a + 1..b],
        _ => value.split(';').next().unwrap_or(value).trim(),
    }
}

/// `host:port` of a SIP URI (`sip:user@host:port;params`), port 5060 when absent.
pub fn host_port(uri: &str) -> Option<(String, u16)> {
    let rest = uri
        .strip_prefix("sip:")
        .or_else(|| uri.strip_prefix("sips:"))?;
    let rest = rest.split([';', '?', '>']).next()?;
    let hostport = rest.rsplit_once('@').map_or(rest, |(_, h)| h);
    if let Some(v6) = hostport.strip_prefix('[') {
        let (h, p) = v6.split_once(']')?;
        let port = p.strip_prefix(':').map_or(Some(5060), |p| p.parse().ok())?;
        return Some((h.to_owned(), port));
    }
    match hostport.split_once(':') {
        Some((h, p)) => Some((h.to_owned(), p.parse().ok()?)),
        None => Some((hostport.to_owned(), 5060)),
    }
}

#[cfg(test)]
pub(crate) mod tests;
