// HTML pages: schema.org JobPosting JSON-LD when the page has it, else the page's main text.
#include <algorithm>
#include <cstring>

#include <gumbo.h>

#include "core/error.h"
#include "core/text.h"
#include "postings/formats/readers.h"

namespace jobfit::formats {

namespace {

bool skipped(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_SVG: case GUMBO_TAG_NAV: case GUMBO_TAG_HEADER:
    case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_BUTTON:
    case GUMBO_TAG_IFRAME: case GUMBO_TAG_HEAD: case GUMBO_TAG_SELECT: case GUMBO_TAG_OBJECT:
      return true;
    default: return false;
  }
}

bool block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_LI:
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_TR: case GUMBO_TAG_SECTION:
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_TABLE: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_DL: case GUMBO_TAG_HR: case GUMBO_TAG_BODY:
      return true;
    default: return false;
  }
}

// Appends text with runs of white space folded to one space; lines are trimmed later.
struct TextBuilder {
  std::string out;
  size_t depth = 0;

  // Ends the line; a paragraph also leaves a blank line after it.
  void newline(bool paragraph = false) {
    while (!out.empty() && out.back() == ' ') out.pop_back();
    size_t trailing = 0;
    for (size_t i = out.size(); i > 0 && out[i - 1] == '\n'; --i) ++trailing;
    size_t want = paragraph ? 2 : 1;
    while (!out.empty() && trailing < want) {
      out += '\n';
      ++trailing;
    }
  }
  void text(const char* s) {
    for (const char* p = s; *p; ++p) {
      char c = *p;
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
      } else {
        out += c;
      }
    }
  }
};

void walk(const GumboNode* node, TextBuilder& b) {
  if (b.depth > 400) return;  // absurd nesting: the rest is not a job description
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
      node->type == GUMBO_NODE_WHITESPACE) {
    b.text(node->v.text.text);
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_TEMPLATE &&
      node->type != GUMBO_NODE_DOCUMENT)
    return;
  const GumboVector* children =
      node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  GumboTag tag = node->type == GUMBO_NODE_DOCUMENT ? GUMBO_TAG_UNKNOWN : node->v.element.tag;
  if (node->type != GUMBO_NODE_DOCUMENT && skipped(tag)) return;
  bool isBlock = block(tag);
  bool paragraph = tag == GUMBO_TAG_P || tag == GUMBO_TAG_UL || tag == GUMBO_TAG_OL ||
                   tag == GUMBO_TAG_TABLE || tag == GUMBO_TAG_SECTION ||
                   (tag >= GUMBO_TAG_H1 && tag <= GUMBO_TAG_H6);
  if (isBlock) b.newline(paragraph);
  if (tag == GUMBO_TAG_LI) b.out += "\xE2\x80\xA2 ";
  ++b.depth;
  for (unsigned i = 0; i < children->length; ++i)
    walk(static_cast<const GumboNode*>(children->data[i]), b);
  --b.depth;
  if (isBlock) b.newline(paragraph);
  else if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) b.out += ' ';
}

std::string tidy(std::string s) {
  // Trim each line; at most one blank line in a row.
  std::string out;
  size_t start = 0;
  int blank = 0;
  while (start <= s.size()) {
    size_t end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    auto line = trim(std::string_view(s).substr(start, end - start));
    if (line.empty()) {
      ++blank;
    } else {
      if (!out.empty()) out += blank ? "\n\n" : "\n";
      out += line;
      blank = 0;
    }
    start = end + 1;
  }
  return out;
}

const GumboNode* findFirst(const GumboNode* node, GumboTag tag, int depth = 0) {
  if (depth > 400 || node->type != GUMBO_NODE_ELEMENT) {
    if (node->type != GUMBO_NODE_DOCUMENT) return nullptr;
  }
  if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) return node;
  const GumboVector* children =
      node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  for (unsigned i = 0; i < children->length; ++i)
    if (auto* found = findFirst(static_cast<const GumboNode*>(children->data[i]), tag, depth + 1))
      return found;
  return nullptr;
}

const char* attribute(const GumboNode* node, const char* name) {
  const GumboAttribute* a = gumbo_get_attribute(&node->v.element.attributes, name);
  return a ? a->value : nullptr;
}

struct PageFacts {
  std::vector<std::string> jsonLd;
  std::string title, siteName, canonical;
  const GumboNode* main = nullptr;
  const GumboNode* body = nullptr;
};

void gather(const GumboNode* node, PageFacts& f, int depth) {
  if (depth > 400 || (node->type != GUMBO_NODE_ELEMENT && node->type != GUMBO_NODE_DOCUMENT))
    return;
  const GumboVector* children =
      node->type == GUMBO_NODE_DOCUMENT ? &node->v.document.children : &node->v.element.children;
  if (node->type == GUMBO_NODE_ELEMENT) {
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT) {
      const char* type = attribute(node, "type");
      if (type && toLower(type).find("ld+json") != std::string::npos) {
        std::string text;
        for (unsigned i = 0; i < children->length; ++i) {
          auto* c = static_cast<const GumboNode*>(children->data[i]);
          if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA ||
              c->type == GUMBO_NODE_WHITESPACE)
            text += c->v.text.text;
        }
        f.jsonLd.push_back(std::move(text));
      }
      return;
    }
    if (tag == GUMBO_TAG_TITLE && f.title.empty()) {
      TextBuilder b;
      walk(node, b);
      f.title = std::string(trim(b.out));
    } else if (tag == GUMBO_TAG_META) {
      const char* property = attribute(node, "property");
      const char* content = attribute(node, "content");
      if (property && content && std::strcmp(property, "og:site_name") == 0) f.siteName = content;
      if (property && content && std::strcmp(property, "og:url") == 0 && f.canonical.empty())
        f.canonical = content;
    } else if (tag == GUMBO_TAG_LINK) {
      const char* rel = attribute(node, "rel");
      const char* href = attribute(node, "href");
      if (rel && href && std::strcmp(rel, "canonical") == 0) f.canonical = href;
    } else if (tag == GUMBO_TAG_BODY && !f.body) {
      f.body = node;
    } else if (!f.main && (tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_ARTICLE)) {
      f.main = node;
    } else if (!f.main) {
      const char* role = attribute(node, "role");
      if (role && std::strcmp(role, "main") == 0) f.main = node;
    }
  }
  for (unsigned i = 0; i < children->length; ++i)
    gather(static_cast<const GumboNode*>(children->data[i]), f, depth + 1);
}

bool looksLikeUrl(std::string_view s) {
  return s.substr(0, 7) == "http://" || s.substr(0, 8) == "https://";
}

void acceptJsonLd(const nlohmann::json& doc, std::string_view pageUrl, const RecordSink& sink,
                  size_t& found) {
  std::vector<const nlohmann::json*> postings;
  collectJobPostings(doc, postings);
  for (size_t i = 0; i < postings.size(); ++i) {
    PostingInput in = fromJobPosting(*postings[i], pageUrl);
    if (in.title.empty() && in.description.empty()) {
      sink.reject("JobPosting[" + std::to_string(found + i) + "]", "it has no title and no description");
      continue;
    }
    sink.accept(std::move(in));
  }
  found += postings.size();
}

}  // namespace

std::string htmlToText(std::string_view html) {
  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  TextBuilder b;
  walk(output->root, b);
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  return tidy(std::move(b.out));
}

void readHtml(std::string_view doc, std::string_view name, const RecordSink& sink) {
  std::string_view body = trim(doc);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  std::string pageUrl = looksLikeUrl(name) ? std::string(name) : std::string();
  // A bare JSON-LD document (saved from a page, or a feed).
  if (!body.empty() && (body.front() == '{' || body.front() == '[')) {
    auto json = parseLenientJson(body);
    if (!json) throw Error(ErrorCode::invalid, "the document is neither HTML nor valid JSON-LD");
    size_t found = 0;
    acceptJsonLd(*json, pageUrl, sink, found);
    if (!found) throw Error(ErrorCode::invalid, "the JSON-LD document holds no JobPosting");
    return;
  }

  GumboOutput* output = gumbo_parse_with_options(&kGumboDefaultOptions, doc.data(), doc.size());
  PageFacts facts;
  gather(output->root, facts, 0);
  if (pageUrl.empty() && looksLikeUrl(facts.canonical)) pageUrl = facts.canonical;

  size_t found = 0;
  for (const auto& block : facts.jsonLd) {
    if (auto json = parseLenientJson(block)) acceptJsonLd(*json, pageUrl, sink, found);
  }
  if (found) {
    gumbo_destroy_output(&kGumboDefaultOptions, output);
    return;
  }

  // No JobPosting: the page's main text, titled by its first heading.
  const GumboNode* root = facts.main ? facts.main : facts.body ? facts.body : output->root;
  TextBuilder b;
  walk(root, b);
  std::string text = tidy(std::move(b.out));
  std::string title;
  if (const GumboNode* h1 = findFirst(root, GUMBO_TAG_H1)) {
    TextBuilder hb;
    walk(h1, hb);
    title = std::string(trim(hb.out));
  }
  if (title.empty()) title = facts.title;
  gumbo_destroy_output(&kGumboDefaultOptions, output);
  if (!title.empty() && text.compare(0, title.size(), title) == 0)
    text = std::string(trim(std::string_view(text).substr(title.size())));
  if (text.empty() && title.empty())
    throw Error(ErrorCode::invalid, "the page has no text and no JobPosting");
  PostingInput in;
  in.source = "html";
  in.url = pageUrl;
  in.title = title;
  in.company = facts.siteName;
  in.description = std::move(text);
  sink.accept(std::move(in));
}

void readText(std::string_view doc, std::string_view name, const RecordSink& sink) {
  std::string_view body = doc;
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  body = trim(body);
  if (body.empty()) throw Error(ErrorCode::invalid, "the text is empty");
  PostingInput in;
  in.source = "text";
  if (looksLikeUrl(name)) in.url = std::string(name);
  // The first line is the title; "Company: ..." and "Location: ..." lines are read as such.
  size_t eol = body.find('\n');
  in.title = std::string(trim(body.substr(0, eol)));
  if (in.title.size() > 200) {
    in.title.clear();
    in.description = std::string(body);
  } else {
    in.description = eol == std::string_view::npos ? "" : std::string(trim(body.substr(eol + 1)));
  }
  size_t start = 0;
  std::string_view d = in.description;
  while (start < d.size()) {
    size_t end = d.find('\n', start);
    if (end == std::string_view::npos) end = d.size();
    auto line = trim(d.substr(start, end - start));
    auto value = [&](std::string_view label) -> std::optional<std::string> {
      if (line.size() > label.size() && toLower(line.substr(0, label.size())) == label)
        return std::string(trim(line.substr(label.size())));
      return std::nullopt;
    };
    if (auto v = value("company:"); v && in.company.empty()) in.company = *v;
    if (auto v = value("location:"); v && in.locations.empty() && !v->empty())
      in.locations.push_back(*v);
    start = end + 1;
  }
  sink.accept(std::move(in));
}

}  // namespace jobfit::formats
