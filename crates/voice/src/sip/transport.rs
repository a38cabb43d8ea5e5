//! The SIP sockets: one UDP socket and one TCP listener on the same address. Incoming
//! messages reach the B2BUA as `(Message, Peer)`; a malformed message is answered 400
//! when it can be (or dropped) and never stops the listener.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt as _, AsyncWriteExt as _};
use tokio::net::{TcpListener, UdpSocket};
use tokio::sync::mpsc;

use super::message::{self, MAX_MESSAGE, Message};

/// Where a message came from, and so where its answer goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Peer {
    Udp(SocketAddr),
    /// A TCP connection Baton accepted, by number.
    Tcp(u64, SocketAddr),
}

impl Peer {
    pub fn addr(self) -> SocketAddr {
        match self {
            Peer::Udp(a) | Peer::Tcp(_, a) => a,
        }
    }

    pub fn transport(self) -> &'static str {
        match self {
            Peer::Udp(_) => "UDP",
            Peer::Tcp(..) => "TCP",
        }
    }
}

#[derive(Clone)]
pub struct Transport {
    udp: Arc<UdpSocket>,
    local: SocketAddr,
    tcp: Arc<Mutex<HashMap<u64, mpsc::UnboundedSender<Vec<u8>>>>>,
}

impl Transport {
    /// Binds UDP and TCP on `addr` (port 0: a free port, the same for both).
    pub async fn bind(
        addr: SocketAddr,
    ) -> std::io::Result<(Transport, mpsc::Receiver<(Message, Peer)>)> {
        let (udp, tcp) = bind_pair(addr).await?;
        let local = udp.local_addr()?;
        let (tx, rx) = mpsc::channel(4096);
        let t = Transport {
            udp: Arc::new(udp),
            local,
            tcp: Arc::default(),
        };
        tokio::spawn(t.clone().udp_loop(tx.clone()));
        tokio::spawn(t.clone().tcp_loop(tcp, tx));
        Ok((t, rx))
    }

    pub fn local(&self) -> SocketAddr {
        self.local
    }

    pub fn send(&self, msg: &Message, to: Peer) {
        self.send_bytes(msg.to_bytes(), to);
    }

    pub fn send_bytes(&self, bytes: Vec<u8>, to: Peer) {
        match to {
            Peer::Udp(addr) => {
                if let Err(e) = self.udp.try_send_to(&bytes, addr) {
                    tracing::debug!(error = %e, %addr, "a SIP datagram was not sent");
                }
            }
            Peer::Tcp(id, addr) => {
                let conn = self
                    .tcp
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .get(&id)
                    .cloned();
                match conn {
                    Some(c) if c.send(bytes.clone()).is_ok() => {}
                    // The connection is gone: the peer listens on UDP too (RFC 3261 §18).
                    _ => self.send_bytes(bytes, Peer::Udp(addr)),
                }
            }
        }
    }

    async fn udp_loop(self, tx: mpsc::Sender<(Message, Peer)>) {
        let mut buf = vec![0u8; MAX_MESSAGE + 1];
        loop {
            let (n, from) = match self.udp.recv_from(&mut buf).await {
                Ok(v) => v,
                Err(e) => {
                    // ICMP port-unreachable surfaces here on some systems; keep going.
                    tracing::debug!(error = %e, "SIP UDP receive");
                    continue;
                }
            };
            let data = &buf[..n];
            if data.iter().all(|b| b.is_ascii_whitespace()) {
                continue; // a keep-alive
            }
            match Message::parse(data) {
                Ok(m) => {
                    if tx.send((m, Peer::Udp(from))).await.is_err() {
                        return;
                    }
                }
                Err(e) => self.refuse(data, &e, Peer::Udp(from)),
            }
        }
    }

    async fn tcp_loop(self, listener: TcpListener, tx: mpsc::Sender<(Message, Peer)>) {
        let mut next_id = 0u64;
        loop {
            let (stream, from) = match listener.accept().await {
                Ok(v) => v,
                Err(e) => {
                    tracing::debug!(error = %e, "SIP TCP accept");
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                    continue;
                }
            };
            let _ = stream.set_nodelay(true);
            next_id += 1;
            let id = next_id;
            let (out_tx, mut out_rx) = mpsc::unbounded_channel::<Vec<u8>>();
            self.tcp
                .lock()
                .unwrap_or_else(|p| p.into_inner())
                .insert(id, out_tx);
            let (mut read, mut write) = stream.into_split();
            tokio::spawn(async move {
                while let Some(bytes) = out_rx.recv().await {
                    if write.write_all(&bytes).await.is_err() {
                        return;
                    }
                }
            });
            let this = self.clone();
            let tx = tx.clone();
            tokio::spawn(async move {
                let peer = Peer::Tcp(id, from);
                let mut buf: Vec<u8> = Vec::with_capacity(4096);
                let mut chunk = vec![0u8; 16 * 1024];
                'conn: loop {
                    let n = match read.read(&mut chunk).await {
                        Ok(0) | Err(_) => break,
                        Ok(n) => n,
                    };
                    buf.extend_from_slice(&chunk[..n]);
                    loop {
                        // CRLF keep-alives between messages.
                        let skip = buf
                            .iter()
                            .take_while(|b| matches!(b, b'\r' | b'\n'))
                            .count();
                        buf.drain(..skip);
                        match message::frame_len(&buf) {
                            Ok(None) => break,
                            Ok(Some(len)) => {
                                let frame: Vec<u8> = buf.drain(..len).collect();
                                match Message::parse(&frame) {
                                    Ok(m) => {
                                        if tx.send((m, peer)).await.is_err() {
                                            break 'conn;
                                        }
                                    }
                                    Err(e) => this.refuse(&frame, &e, peer),
                                }
                            }
                            Err(e) => {
                                // The stream cannot be framed any more: answer and close.
                                this.refuse(&buf, &e, peer);
                                break 'conn;
                            }
                        }
                    }
                }
                this.tcp
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .remove(&id);
            });
        }
    }

    /// Answers a malformed request 400 when its Via, From, To, Call-ID and CSeq can be
    /// read (RFC 3261 §16.3 style leniency); anything else is dropped.
    fn refuse(&self, data: &[u8], error: &message::ParseError, peer: Peer) {
        tracing::debug!(%error, from = %peer.addr(), "malformed SIP message");
        let head = data.split(|b| *b == b'\n').next().unwrap_or_default();
        if head.starts_with(b"SIP/2.0") || head.starts_with(b"ACK ") {
            return;
        }
        let text = String::from_utf8_lossy(&data[..data.len().min(8192)]);
        let mut resp = format!("SIP/2.0 400 Bad Request ({error})\r\n");
        let mut found = 0;
        for line in text.lines().skip(1) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let name = name.trim();
            let full = match name.to_ascii_lowercase().as_str() {
                "via" | "v" => "Via",
                "from" | "f" => "From",
                "to" | "t" => "To",
                "call-id" | "i" => "Call-ID",
                "cseq" => "CSeq",
                _ => continue,
            };
            if value.contains(['\r', '\0']) {
                return;
            }
            found |= match full {
                "Via" => 1,
                "From" => 2,
                "To" => 4,
                "Call-ID" => 8,
                _ => 16,
            };
            resp.push_str(&format!("{full}: {}\r\n", value.trim()));
        }
        if found == 31 {
            resp.push_str("Content-Length: 0\r\n\r\n");
            self.send_bytes(resp.into_bytes(), peer);
        }
    }
}

/// UDP and TCP on one port; with port 0, retries until both get the same free port.
async fn bind_pair(addr: SocketAddr) -> std::io::Result<(UdpSocket, TcpListener)> {
    let mut last = None;
    for _ in 0..20 {
        let udp = UdpSocket::bind(addr).await?;
        let mut at = addr;
        at.set_port(udp.local_addr()?.port());
        match TcpListener::bind(at).await {
            Ok(tcp) => return Ok((udp, tcp)),
            Err(e) if addr.port() == 0 => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free port for both UDP and TCP")))
}
