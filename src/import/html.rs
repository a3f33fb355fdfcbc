//! A small, safe HTML-to-text reducer: a web page (or the HTML of a rich paste) becomes plain
//! paragraphs for the analysis. It never builds a document and never renders anything.
//!
//! One pass, linear in the input: tags and their attributes are dropped; the contents of scripts,
//! styles, templates, embedded documents, menus and buttons are dropped; block elements (`p`, `div`,
//! headings, list items, table rows...) become paragraphs separated by a blank line, `<br>` a line
//! break (two in a row, a paragraph); runs of whitespace become one space, except line breaks inside
//! `<pre>`; character references (`&amp;`, `&#8220;`, `&#x2019;`) are decoded.

/// Elements whose content is raw text up to their end tag: skipped whole, tags inside included.
const RAW_TEXT: &[&str] = &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript"];

/// Elements whose content is dropped (they may nest).
const DROPPED: &[&str] = &[
    "head", "template", "svg", "math", "object", "canvas", "video", "audio", "nav", "select", "button", "datalist",
    "map",
];

/// Elements that start and end a paragraph.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "ul",
];

/// Named character references decoded (the others stay as written).
const ENTITIES: &[(&str, &str)] = &[
    ("amp", "&"),
    ("lt", "<"),
    ("gt", ">"),
    ("quot", "\""),
    ("apos", "'"),
    ("nbsp", " "),
    ("ensp", " "),
    ("emsp", " "),
    ("thinsp", " "),
    ("shy", ""),
    ("zwj", ""),
    ("zwnj", ""),
    ("ndash", "–"),
    ("mdash", "—"),
    ("hellip", "…"),
    ("lsquo", "‘"),
    ("rsquo", "’"),
    ("sbquo", "‚"),
    ("ldquo", "“"),
    ("rdquo", "”"),
    ("bdquo", "„"),
    ("laquo", "«"),
    ("raquo", "»"),
    ("lsaquo", "‹"),
    ("rsaquo", "›"),
    ("prime", "′"),
    ("Prime", "″"),
    ("middot", "·"),
    ("bull", "•"),
    ("copy", "©"),
    ("reg", "®"),
    ("trade", "™"),
    ("deg", "°"),
    ("euro", "€"),
    ("pound", "£"),
    ("yen", "¥"),
    ("cent", "¢"),
    ("sect", "§"),
    ("para", "¶"),
    ("times", "×"),
    ("divide", "÷"),
    ("minus", "−"),
    ("plusmn", "±"),
    ("frac12", "½"),
    ("frac14", "¼"),
    ("frac34", "¾"),
    ("aacute", "á"),
    ("agrave", "à"),
    ("acirc", "â"),
    ("atilde", "ã"),
    ("auml", "ä"),
    ("aring", "å"),
    ("ccedil", "ç"),
    ("eacute", "é"),
    ("egrave", "è"),
    ("ecirc", "ê"),
    ("euml", "ë"),
    ("iacute", "í"),
    ("igrave", "ì"),
    ("icirc", "î"),
    ("iuml", "ï"),
    ("ntilde", "ñ"),
    ("oacute", "ó"),
    ("ograve", "ò"),
    ("ocirc", "ô"),
    ("otilde", "õ"),
    ("ouml", "ö"),
    ("oslash", "ø"),
    ("uacute", "ú"),
    ("ugrave", "ù"),
    ("ucirc", "û"),
    ("uuml", "ü"),
    ("yacute", "ý"),
    ("szlig", "ß"),
    ("Aacute", "Á"),
    ("Eacute", "É"),
    ("Oacute", "Ó"),
    ("Uacute", "Ú"),
    ("Auml", "Ä"),
    ("Ouml", "Ö"),
    ("Uuml", "Ü"),
    ("Ccedil", "Ç"),
    ("Ntilde", "Ñ"),
];

/// The text of an HTML document or fragment, as paragraphs separated by blank lines.
pub fn to_text(html: &str) -> String {
    let mut out = Out::default();
    let mut dropping: Option<(String, usize)> = None;
    let mut pre = 0usize;
    let bytes = html.as_bytes();
    let mut i = 0;
    while i < html.len() {
        let Some(lt) = html[i..].find('<').map(|k| i + k) else {
            if dropping.is_none() {
                out.text(&html[i..], pre > 0);
            }
            break;
        };
        if dropping.is_none() {
            out.text(&html[i..lt], pre > 0);
        }
        let Some((tag, next)) = parse_tag(html, lt) else {
            // A '<' that opens no tag is text.
            if dropping.is_none() {
                out.text("<", pre > 0);
            }
            i = lt + 1;
            continue;
        };
        i = next;
        let Tag::Element { name, end, self_closing } = tag else { continue };
        if !end && RAW_TEXT.contains(&name.as_str()) {
            i = skip_raw_text(bytes, i, &name);
            continue;
        }
        if let Some((dropped, depth)) = &mut dropping {
            if name == *dropped && !self_closing {
                if end {
                    *depth -= 1;
                } else {
                    *depth += 1;
                }
                if *depth == 0 {
                    dropping = None;
                }
            }
            continue;
        }
        if !end && !self_closing && DROPPED.contains(&name.as_str()) {
            dropping = Some((name, 1));
            continue;
        }
        match name.as_str() {
            "br" => out.line_break(),
            "td" | "th" => out.space(),
            "tr" => out.line_break_once(),
            "pre" => {
                out.paragraph();
                pre = if end { pre.saturating_sub(1) } else { pre + 1 };
            }
            n if BLOCKS.contains(&n) => out.paragraph(),
            _ => {}
        }
    }
    out.finish()
}

/// What a `<` opens.
enum Tag {
    /// A start or end tag, its name lower case.
    Element { name: String, end: bool, self_closing: bool },
    /// A comment, doctype, processing instruction or CDATA section: dropped.
    Other,
}

/// Parses the tag at `lt` (which holds '<'); returns it and the index after it, or `None` when
/// the '<' opens no tag (then it is text).
fn parse_tag(html: &str, lt: usize) -> Option<(Tag, usize)> {
    let rest = &html[lt + 1..];
    if let Some(comment) = rest.strip_prefix("!--") {
        let end = comment.find("-->").map_or(html.len(), |k| lt + 4 + k + 3);
        return Some((Tag::Other, end));
    }
    if rest.starts_with('!') || rest.starts_with('?') {
        let end = rest.find('>').map_or(html.len(), |k| lt + 1 + k + 1);
        return Some((Tag::Other, end));
    }
    let (end, body) = match rest.strip_prefix('/') {
        Some(body) => (true, body),
        None => (false, rest),
    };
    if !body.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let name_len = body.find(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>').unwrap_or(body.len());
    let name = body[..name_len].to_ascii_lowercase();
    // Skip the attributes, minding quoted values (which may hold '>').
    let start = lt + 1 + usize::from(end) + name_len;
    let bytes = html.as_bytes();
    let mut k = start;
    let mut quote = None;
    while k < bytes.len() {
        match (quote, bytes[k]) {
            (Some(q), b) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b @ (b'"' | b'\'')) => quote = Some(b),
            (None, b'>') => break,
            _ => {}
        }
        k += 1;
    }
    let self_closing = k > start && bytes[k - 1] == b'/' || VOID.contains(&name.as_str());
    Some((Tag::Element { name, end, self_closing }, (k + 1).min(html.len())))
}

/// Elements that never have content or an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The index after the end tag of raw-text element `name`, searching from `from` (the end of the
/// input when it is never closed).
fn skip_raw_text(bytes: &[u8], from: usize, name: &str) -> usize {
    let close = format!("</{name}");
    let mut k = from;
    while k + close.len() <= bytes.len() {
        if bytes[k] == b'<' && bytes[k..k + close.len()].eq_ignore_ascii_case(close.as_bytes()) {
            let after = bytes.get(k + close.len()).copied();
            if matches!(after, None | Some(b'>' | b'/' | b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')) {
                return bytes[k..].iter().position(|b| *b == b'>').map_or(bytes.len(), |p| k + p + 1);
            }
        }
        k += 1;
    }
    bytes.len()
}

/// The text being written: paragraphs, line breaks and spaces decided lazily, so that no
/// paragraph starts or ends with whitespace and empty paragraphs never appear.
#[derive(Default)]
struct Out {
    text: String,
    /// Line breaks owed before the next visible character: 0, 1 (a line) or 2 (a paragraph).
    breaks: u8,
    space: bool,
}

impl Out {
    fn paragraph(&mut self) {
        self.breaks = 2;
    }
    fn line_break(&mut self) {
        self.breaks = (self.breaks + 1).min(2);
    }
    fn line_break_once(&mut self) {
        self.breaks = self.breaks.max(1);
    }
    fn space(&mut self) {
        self.space = true;
    }
    /// Writes text as it stands in the HTML: references decoded, whitespace collapsed (line
    /// breaks kept in `pre`).
    fn text(&mut self, raw: &str, pre: bool) {
        let mut rest = raw;
        while let Some(amp) = rest.find('&') {
            self.chars(&rest[..amp], pre);
            let (decoded, used) = decode_reference(&rest[amp..]);
            match decoded {
                Some(d) => self.chars(&d, pre),
                None => self.chars("&", pre),
            }
            rest = &rest[amp + used..];
        }
        self.chars(rest, pre);
    }
    fn chars(&mut self, s: &str, pre: bool) {
        for c in s.chars() {
            if c == '\n' && pre {
                self.line_break();
            } else if c.is_whitespace() {
                self.space = true;
            } else if !c.is_control() {
                if !self.text.is_empty() {
                    match self.breaks {
                        0 if self.space => self.text.push(' '),
                        0 => {}
                        1 => self.text.push('\n'),
                        _ => self.text.push_str("\n\n"),
                    }
                }
                self.breaks = 0;
                self.space = false;
                self.text.push(c);
            }
        }
    }
    fn finish(self) -> String {
        self.text
    }
}

/// Decodes the character reference at the start of `s` (which starts with '&'): the text it
/// stands for (`None` when it is not one) and the bytes it used.
fn decode_reference(s: &str) -> (Option<String>, usize) {
    let body = &s[1..];
    // A reference is short: looking further would make a text of many '&' quadratic.
    let end = body.bytes().take(33).position(|b| b == b';');
    let Some(end) = end else { return (None, 1) };
    let name = &body[..end];
    let used = end + 2;
    if let Some(number) = name.strip_prefix('#') {
        let code = match number.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok(),
            None => number.parse::<u32>().ok(),
        };
        let Some(code) = code else { return (None, 1) };
        let c = match code {
            0 => '\u{FFFD}',
            0x80..=0x9F => windows_1252(code),
            _ => char::from_u32(code).unwrap_or('\u{FFFD}'),
        };
        return (Some(c.to_string()), used);
    }
    match ENTITIES.iter().find(|(n, _)| *n == name) {
        Some((_, text)) => (Some((*text).to_string()), used),
        None => (None, 1),
    }
}

/// What browsers show for the C1 code points of `&#128;`–`&#159;` (Windows-1252's characters).
fn windows_1252(code: u32) -> char {
    match code {
        0x80 => '€',
        0x85 => '…',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x96 => '–',
        0x97 => '—',
        _ => '\u{FFFD}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_becomes_paragraphs_by_table() {
        let table: &[(&str, &str)] = &[
            ("<p>One.</p><p>Two.</p>", "One.\n\nTwo."),
            ("plain text", "plain text"),
            ("<div>A<div>B</div>C</div>", "A\n\nB\n\nC"),
            ("<h1>Title</h1>\n<p>Body   text\nwraps.</p>", "Title\n\nBody text wraps."),
            ("<p>a<br>b<br/><br>c</p>", "a\nb\n\nc"),
            ("<ul><li>x</li><li>y</li></ul>", "x\n\ny"),
            ("<b>bold</b> and <i>it</i>alic", "bold and italic"),
            ("<pre>line 1\nline 2</pre>", "line 1\nline 2"),
            ("<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>", "a b\nc"),
            // Entities.
            (
                "Tom &amp; Jerry &lt;3 &quot;hi&quot; &#8220;q&#8221; &#x2019; caf&eacute;",
                "Tom & Jerry <3 \"hi\" “q” ’ café",
            ),
            ("a&nbsp;b &unknown; & c &#0; &#x110000; &#150;", "a b &unknown; & c \u{FFFD} \u{FFFD} –"),
            // Dropped: scripts, styles, comments, head, svg, nav, templates.
            ("<script>var x = '<p>no</p>';</script><p>yes</p>", "yes"),
            ("<style>p { color: red }</style>text", "text"),
            ("<!-- a <p>comment</p> -->kept", "kept"),
            ("<!DOCTYPE html><html><head><title>T</title><meta charset=utf-8></head><body><p>B</p></body></html>", "B"),
            ("<nav><a href=/>Home</a></nav><article><p>Story</p></article>", "Story"),
            ("<svg><text>chart</text></svg>after", "after"),
            ("<template><p>t</p></template><noscript>ns</noscript>x", "x"),
            ("<SCRIPT>alert(1)</SCRIPT >ok", "ok"),
            ("<script>never closed <p>x</p>", ""),
            // Attributes never survive, even with '>' in quoted values.
            ("<img src=x onerror=\"alert('>')\">after", "after"),
            ("<a href=\"javascript:alert(1)\" title='a>b'>link</a>", "link"),
            ("<iframe src=\"javascript:alert(1)\">inside</iframe>out", "out"),
            // Stray '<' is text; a tag never closed ends the input.
            ("1 < 2 and 3 <4", "1 < 2 and 3 <4"),
            ("a <b", "a"),
            ("", ""),
            ("<p> </p><p>\n</p>", ""),
        ];
        for (html, want) in table {
            assert_eq!(to_text(html), *want, "{html:?}");
        }
    }

    #[test]
    fn a_copied_web_page_keeps_its_paragraphs() {
        let html = "<meta charset='utf-8'><!--StartFragment--><h2 class=\"x\">Talks resume</h2>\
                    <p style=\"margin:0\">Yerevan says Baku is&nbsp;blocking the road.</p>\r\n\
                    <p>“Nobody can use it,” said Hikmet Hajiyev.</p><!--EndFragment-->";
        assert_eq!(
            to_text(html),
            "Talks resume\n\nYerevan says Baku is blocking the road.\n\n“Nobody can use it,” said Hikmet Hajiyev."
        );
    }

    #[test]
    fn odd_input_never_panics_and_stays_linear() {
        for html in ["<", "&", "&#", "&#x;", "</", "<!", "<!--", "<a '", "é<é>é&é;", "<p\u{0}>", "<<<>>>"] {
            let _ = to_text(html);
        }
        let many = "<div>".repeat(50_000) + &"&amp;".repeat(50_000);
        assert_eq!(to_text(&many), "&".repeat(50_000));
        let ampersands = "& ".repeat(100_000);
        assert_eq!(to_text(&ampersands).len(), 199_999);
    }
}
