#include "postings/formats.h"

#include <array>
#include <sstream>

#include <fmt/format.h>

#include "core/error.h"
#include "core/text.h"
#include "postings/formats/readers.h"

namespace jobfit {

namespace {

constexpr std::array<std::pair<InputFormat, std::string_view>, 8> kFormats{{
    {InputFormat::detect, "detect"},
    {InputFormat::text, "text"},
    {InputFormat::html, "html"},
    {InputFormat::greenhouse, "greenhouse"},
    {InputFormat::lever, "lever"},
    {InputFormat::ashby, "ashby"},
    {InputFormat::csv, "csv"},
    {InputFormat::jsonl, "jsonl"},
}};

// Whole documents (HTML, board JSON, text) larger than this are refused.
constexpr size_t kMaxDocumentBytes = 64u << 20;

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Serves the bytes already read to detect the format, then the rest of the stream.
class PrefixedBuffer : public std::streambuf {
 public:
  PrefixedBuffer(std::string head, std::streambuf* rest) : head_(std::move(head)), rest_(rest) {
    setg(head_.data(), head_.data(), head_.data() + head_.size());
  }

 protected:
  int_type underflow() override {
    if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
    if (!rest_) return traits_type::eof();
    std::streamsize n = rest_->sgetn(chunk_.data(), static_cast<std::streamsize>(chunk_.size()));
    if (n <= 0) return traits_type::eof();
    setg(chunk_.data(), chunk_.data(), chunk_.data() + n);
    return traits_type::to_int_type(*gptr());
  }

 private:
  std::string head_;
  std::streambuf* rest_;
  std::array<char, 1 << 16> chunk_{};
};

std::string readAll(std::istream& in, std::string head) {
  std::string out = std::move(head);
  std::array<char, 1 << 16> chunk{};
  while (in.read(chunk.data(), chunk.size()) || in.gcount() > 0) {
    out.append(chunk.data(), static_cast<size_t>(in.gcount()));
    if (out.size() > kMaxDocumentBytes)
      throw Error(ErrorCode::too_large, "the document is larger than 64 MB", "",
                  "split it, or use CSV or JSON Lines, which are read record by record");
  }
  return out;
}

}  // namespace

std::string_view toString(InputFormat f) {
  for (const auto& [value, name] : kFormats)
    if (value == f) return name;
  return "detect";
}

std::optional<InputFormat> parseInputFormat(std::string_view s) {
  for (const auto& [value, name] : kFormats)
    if (name == s) return value;
  return std::nullopt;
}

ColumnMapping parseColumnMapping(const std::vector<std::string>& pairs) {
  ColumnMapping mapping;
  for (const auto& m : pairs) {
    auto eq = m.find('=');
    std::string field = eq == std::string::npos ? "" : std::string(trim(m.substr(0, eq)));
    std::string column = eq == std::string::npos ? "" : std::string(trim(m.substr(eq + 1)));
    if (field.empty() || column.empty())
      throw Error(ErrorCode::usage, fmt::format("a mapping takes field=column, got '{}'", m), "map",
                  "for example: title=\"Job Title\"");
    mapping[field] = column;
  }
  return mapping;
}

InputFormat detectFormat(std::string_view name, std::string_view head) {
  std::string lowerName = toLower(name);
  std::string_view n = lowerName;
  if (auto q = n.find('?'); q != std::string_view::npos && n.find("://") != std::string_view::npos) {
    // Board API URLs are recognised by their paths.
    if (n.find("/v1/boards/") != std::string_view::npos) return InputFormat::greenhouse;
    if (n.find("/v0/postings/") != std::string_view::npos) return InputFormat::lever;
    if (n.find("/posting-api/job-board/") != std::string_view::npos) return InputFormat::ashby;
    n = n.substr(0, q);
  }
  if (n.find("/v1/boards/") != std::string_view::npos) return InputFormat::greenhouse;
  if (n.find("/v0/postings/") != std::string_view::npos) return InputFormat::lever;
  if (n.find("/posting-api/job-board/") != std::string_view::npos) return InputFormat::ashby;
  if (endsWith(n, ".csv")) return InputFormat::csv;
  if (endsWith(n, ".jsonl") || endsWith(n, ".ndjson")) return InputFormat::jsonl;
  if (endsWith(n, ".html") || endsWith(n, ".htm") || endsWith(n, ".xhtml")) return InputFormat::html;
  if (endsWith(n, ".txt") || endsWith(n, ".md")) return InputFormat::text;

  std::string_view h = head;
  if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
  h = trim(h);
  if (h.empty()) return InputFormat::text;
  auto has = [&](std::string_view s) { return h.find(s) != std::string_view::npos; };
  if (h.front() == '<') return InputFormat::html;
  if (h.front() == '{') {
    if (has("\"absolute_url\"") || has("\"internal_job_id\"")) return InputFormat::greenhouse;
    if (has("\"jobUrl\"") || has("\"apiVersion\"") || has("\"descriptionPlain\"") ||
        has("\"isRemote\""))
      return InputFormat::ashby;
    if (has("\"@context\"") || has("JobPosting") || has("\"@graph\"")) return InputFormat::html;
    // One object per line.
    auto eol = h.find('\n');
    if (eol != std::string_view::npos && trim(h.substr(eol + 1)).substr(0, 1) == "{")
      return InputFormat::jsonl;
    if (has("\"jobs\"")) return InputFormat::greenhouse;
    return InputFormat::jsonl;
  }
  if (h.front() == '[') {
    if (has("\"hostedUrl\"") || has("\"categories\"") || has("\"descriptionPlain\""))
      return InputFormat::lever;
    return InputFormat::html;  // an array of JSON-LD postings
  }
  // A first line of comma-separated names that include a known header.
  auto firstLine = toLower(h.substr(0, h.find('\n')));
  if (firstLine.find(',') != std::string::npos) {
    for (std::string_view header : {"title", "description", "company", "position"})
      if (firstLine.find(header) != std::string::npos) return InputFormat::csv;
  }
  return InputFormat::text;
}

void readPostings(std::istream& in, std::string_view name, InputFormat format,
                  const ColumnMapping& mapping, const RecordSink& sink) {
  std::string head;
  if (format == InputFormat::detect) {
    head.resize(8192);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<size_t>(in.gcount()));
    format = detectFormat(name, head);
    in.clear(in.rdstate() & ~std::ios::failbit & ~std::ios::eofbit);
  }
  if (format == InputFormat::csv || format == InputFormat::jsonl) {
    PrefixedBuffer buffer(std::move(head), in.rdbuf());
    std::istream chained(&buffer);
    if (format == InputFormat::csv) formats::readCsv(chained, mapping, sink);
    else formats::readJsonLines(chained, sink);
    return;
  }
  std::string doc = readAll(in, std::move(head));
  switch (format) {
    case InputFormat::html: formats::readHtml(doc, name, sink); break;
    case InputFormat::greenhouse: formats::readGreenhouse(doc, name, sink); break;
    case InputFormat::lever: formats::readLever(doc, name, sink); break;
    case InputFormat::ashby: formats::readAshby(doc, name, sink); break;
    default: formats::readText(doc, name, sink); break;
  }
}

}  // namespace jobfit
