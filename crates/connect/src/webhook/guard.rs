//! The server-side request forgery guard: webhook targets must be public
//! addresses unless the deployment allows private ones (tests, internal meshes).
//!
//! Checked twice: when a URL is subscribed (literal addresses and schemes), and on
//! every connection through [`GuardedResolver`], so a name that later resolves to
//! a private address is refused too.

use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

use reqwest::dns::{Addrs, Name, Resolve, Resolving};

/// Why a target is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlRefused {
    #[error("`{0}` is not a valid URL")]
    Malformed(String),
    #[error("webhook URLs must be http or https, not `{0}`")]
    Scheme(String),
    #[error("webhook URLs must not carry credentials; authenticate with the signature instead")]
    Credentials,
    #[error(
        "`{0}` is a private, loopback or link-local address; set BATON_ALLOW_PRIVATE_WEBHOOKS=true to allow it"
    )]
    Private(String),
}

/// Whether an address is one a public webhook must never reach.
pub fn is_private(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let o = v4.octets();
            v4.is_loopback()
                || v4.is_private()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_multicast()
                || v4.is_documentation()
                || o[0] == 0
                || (o[0] == 100 && (64..128).contains(&o[1])) // carrier-grade NAT
                || (o[0] == 192 && o[1] == 0 && o[2] == 0) // IETF protocol assignments
                || (o[0] == 198 && (18..20).contains(&o[1])) // benchmarking
                || o[0] >= 240 // reserved
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_private(IpAddr::V4(v4));
            }
            let s = v6.segments();
            // IPv4-compatible (::a.b.c.d, deprecated) and 6to4 (2002:a.b.c.d::) embed an
            // IPv4 address a relay may reach.
            if s[..6] == [0, 0, 0, 0, 0, 0] {
                let o = v6.octets();
                return is_private(IpAddr::V4(std::net::Ipv4Addr::new(
                    o[12], o[13], o[14], o[15],
                )));
            }
            if s[0] == 0x2002 {
                let o = v6.octets();
                return is_private(IpAddr::V4(std::net::Ipv4Addr::new(o[2], o[3], o[4], o[5])));
            }
            v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (s[0] & 0xfe00) == 0xfc00 // unique local
                || (s[0] & 0xffc0) == 0xfe80 // link local
                || (s[0] == 0x2001 && s[1] == 0x0db8) // documentation
                || (s[0] == 0x64 && s[1] == 0xff9b) // NAT64 can reach private IPv4
                || (s[0] == 0x2001 && s[1] == 0) // Teredo
        }
    }
}

/// Validates a webhook URL at subscription and at send time.
pub fn check_url(raw: &str, allow_private: bool) -> Result<url::Url, UrlRefused> {
    let url = url::Url::parse(raw).map_err(|_| UrlRefused::Malformed(raw.to_owned()))?;
    match url.scheme() {
        "http" | "https" => {}
        other => return Err(UrlRefused::Scheme(other.to_owned())),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlRefused::Credentials);
    }
    let host = url
        .host()
        .ok_or_else(|| UrlRefused::Malformed(raw.to_owned()))?;
    if !allow_private {
        let literal = match host {
            url::Host::Ipv4(a) => Some(IpAddr::V4(a)),
            url::Host::Ipv6(a) => Some(IpAddr::V6(a)),
            // A trailing dot names the same host (`localhost.` is `localhost`).
            url::Host::Domain(d)
                if {
                    let d = d.trim_end_matches('.').to_ascii_lowercase();
                    d == "localhost" || d.ends_with(".localhost")
                } =>
            {
                return Err(UrlRefused::Private(d.to_owned()));
            }
            url::Host::Domain(_) => None,
        };
        if let Some(ip) = literal.filter(|ip| is_private(*ip)) {
            return Err(UrlRefused::Private(ip.to_string()));
        }
    }
    Ok(url)
}

/// A resolver that drops private addresses from every answer (unless allowed).
#[derive(Debug, Clone)]
pub struct GuardedResolver {
    pub allow_private: bool,
}

impl Resolve for GuardedResolver {
    fn resolve(&self, name: Name) -> Resolving {
        let allow_private = self.allow_private;
        Box::pin(async move {
            let host = name.as_str().to_owned();
            let addrs: Vec<SocketAddr> = tokio::net::lookup_host((host.as_str(), 0))
                .await?
                .filter(|a| allow_private || !is_private(a.ip()))
                .collect();
            if addrs.is_empty() {
                return Err(
                    Box::new(UrlRefused::Private(host)) as Box<dyn std::error::Error + Send + Sync>
                );
            }
            Ok(Box::new(addrs.into_iter()) as Addrs)
        })
    }
}

impl GuardedResolver {
    pub fn shared(allow_private: bool) -> Arc<Self> {
        Arc::new(Self { allow_private })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_targets_are_refused_unless_allowed() {
        for url in [
            "http://127.0.0.1/x",
            "http://10.1.2.3/",
            "http://192.168.0.1/",
            "http://169.254.169.254/latest/meta-data",
            "http://[::1]/",
            "http://[fd00::1]/",
            "http://[::ffff:127.0.0.1]/",
            "http://localhost:8080/",
            "http://localhost./hook",
            "http://LocalHost../hook",
            "http://api.localhost./",
            "http://2130706433/",
            "http://0x7f.1/",
            "http://100.64.0.1/",
            "http://0.0.0.0/",
            "http://[::127.0.0.1]/",
            "http://[2002:7f00:1::]/",
            "http://[64:ff9b::a00:1]/",
            "http://[2001:0:4136:e378::1]/",
        ] {
            assert!(
                matches!(check_url(url, false), Err(UrlRefused::Private(_))),
                "{url}"
            );
            assert!(check_url(url, true).is_ok(), "{url}");
        }
        assert!(check_url("https://hooks.example.com/baton", false).is_ok());
        assert!(check_url("https://93.184.216.34/", false).is_ok());
        assert!(matches!(
            check_url("ftp://example.com/", true),
            Err(UrlRefused::Scheme(_))
        ));
        assert!(matches!(
            check_url("https://u:p@example.com/", true),
            Err(UrlRefused::Credentials)
        ));
        assert!(matches!(
            check_url("not a url", true),
            Err(UrlRefused::Malformed(_))
        ));
    }
}
