//! Who sent a message: what its queue file says beyond `postqueue -j` (read by
//! `postfix::QueueFiles`).

use serde::{Deserialize, Serialize};

/// Who sent a message, as far as the queue file tells.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Origin {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_method: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_username: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sasl_sender: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_address: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_name: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reverse_client_name: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub helo_name: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub protocol_name: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub log_ident: Option<Box<str>>,
    /// The submitting user of local mail (sendmail/postdrop), from `(Postfix, from userid N)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_uid: Option<u32>,
    /// Its user name, where the system knows one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub local_user: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_from: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub message_id: Option<Box<str>>,
    /// Whether the client and login come from the mail log: the message came back through
    /// a content filter, and its first queue ID (`log_ident`) is the one logged.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub via_filter: bool,
}

impl Origin {
    /// Whether it came back through a content filter: its `log_ident` names another queue ID.
    pub fn filtered(&self, id: &str) -> bool {
        self.log_ident.as_deref().is_some_and(|first| first != id)
    }

    /// One value that says who: `sasl:NAME`, `local:USER`, or `client:IP` for a client that
    /// did not log in; empty when nothing is known.
    pub fn who(&self) -> String {
        if let Some(name) = &self.sasl_username {
            format!("sasl:{name}")
        } else if let Some(user) = self.local_name() {
            format!("local:{user}")
        } else if let Some(ip) = &self.client_address {
            format!("client:{ip}")
        } else {
            String::new()
        }
    }

    /// The local user's name, or the uid when it has none.
    pub fn local_name(&self) -> Option<String> {
        match (&self.local_user, self.local_uid) {
            (Some(name), _) => Some(name.to_string()),
            (None, Some(uid)) => Some(uid.to_string()),
            (None, None) => None,
        }
    }
}
