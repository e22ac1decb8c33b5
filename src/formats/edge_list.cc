#include "formats/edge_list.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>
#include <utility>

#include <fmt/format.h>

namespace allies::formats {
namespace {

using core::ErrorCode;
using core::Fail;

// Node ids are 32-bit; the largest value stays free as "no node".
constexpr std::uint32_t kNoNode = std::numeric_limits<std::uint32_t>::max();
constexpr std::size_t kMaxShown = 60;
constexpr std::string_view kEdgeLineForm = "\"u v [weight]\"";
constexpr std::string_view kNodeLineForm = "\"id<TAB>label[<TAB>group]\"";

bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view TrimBlanks(std::string_view text) {
  while (!text.empty() && IsBlank(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsBlank(text.back())) text.remove_suffix(1);
  return text;
}

// A value from the file as a message quotes it: long values are cut so that one bad line cannot
// flood the terminal.
std::string Shown(std::string_view value) {
  if (value.size() <= kMaxShown) return std::string(value);
  return fmt::format("{}...", value.substr(0, kMaxShown));
}

std::string Fields(std::size_t count) {
  return fmt::format("{} field{}", count, count == 1 ? "" : "s");
}

// The lines of a text, numbered from 1, without their "\n" or "\r\n".
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  bool Next(std::string_view& line) {
    if (position_ >= text_.size()) return false;
    const char* begin = text_.data() + position_;
    std::size_t left = text_.size() - position_;
    const void* newline = std::memchr(begin, '\n', left);
    std::size_t length = newline ? static_cast<const char*>(newline) - begin : left;
    position_ += length + 1;
    ++number_;
    line = std::string_view(begin, length);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return true;
  }

  std::size_t Number() const { return number_; }

 private:
  std::string_view text_;
  std::size_t position_ = 0;
  std::size_t number_ = 0;
};

bool IsCommentOrBlank(std::string_view line) {
  for (char c : line) {
    if (!IsBlank(c)) return c == '#';
  }
  return true;
}

// Splits `line` at runs of blanks, up to a field that starts with '#'. The first three fields land
// in `fields`; the return value counts all of them, so that a line with too many can say how many.
std::size_t SplitAtBlanks(std::string_view line, std::array<std::string_view, 3>& fields) {
  std::size_t count = 0;
  std::size_t i = 0;
  while (true) {
    while (i < line.size() && IsBlank(line[i])) ++i;
    // A field that starts with '#' starts a comment, so "1 2 # since 2019" is an edge.
    if (i == line.size() || line[i] == '#') return count;
    std::size_t start = i;
    while (i < line.size() && !IsBlank(line[i])) ++i;
    if (count < fields.size()) fields[count] = line.substr(start, i - start);
    ++count;
  }
}

core::Result<double> ParseWeight(std::string_view path, std::size_t line_number,
                                 std::string_view field) {
  std::string_view digits = field;
  // from_chars rejects a leading '+', which people write.
  if (digits.size() > 1 && digits.front() == '+') digits.remove_prefix(1);
  double weight = 0;
  auto [end, error] = std::from_chars(digits.data(), digits.data() + digits.size(), weight);
  if (end != digits.data() + digits.size() ||
      (error != std::errc() && error != std::errc::result_out_of_range)) {
    return Fail(ErrorCode::kInvalidArgument, fmt::format("{}:{}: weight \"{}\" is not a number",
                                                         path, line_number, Shown(field)));
  }
  // Out of range (1e999, 1e-999), zero, negative, "inf" and "nan" all land here.
  if (error != std::errc() || !std::isfinite(weight) || weight <= 0) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}:{}: weight \"{}\" is not a positive finite number", path,
                            line_number, Shown(field)));
  }
  return weight;
}

// Token -> dense id, by open addressing with linear probing in a power-of-two table that is at
// most half full. No allocation per key, and a token of up to 8 bytes (any id below 10^8) is
// compared inside its slot, without touching the text: a lookup costs about one cache miss,
// several times less than std::unordered_map on a million-line file. Keys are views; the caller
// keeps the bytes alive. Ids are given in order of insertion.
class TokenIndex {
 public:
  struct Key {
    std::uint64_t hash = 0;
    std::uint64_t prefix = 0;  // the first 8 bytes, zero-padded
    std::uint32_t tag = 0;     // the top 24 bits of the hash, then the length (capped at 255)
  };

  std::size_t Size() const { return keys_.size(); }

  // The key of `token`: its hash and what a slot keeps of it.
  static Key MakeKey(std::string_view token) {
    Key key;
    std::memcpy(&key.prefix, token.data(), std::min(token.size(), kInline));
    std::uint64_t hash = Mix(0x9e3779b97f4a7c15ULL ^ token.size() ^ Mix(key.prefix));
    for (std::size_t i = kInline; i < token.size(); i += 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, token.data() + i, std::min<std::size_t>(8, token.size() - i));
      hash = Mix(hash ^ word);
    }
    key.hash = hash;
    key.tag = static_cast<std::uint32_t>(hash >> (64 - kTagHashBits)) << 8 |
              static_cast<std::uint32_t>(std::min<std::size_t>(token.size(), 255));
    return key;
  }

  // Starts loading the slot where a lookup of `key` begins: the parser asks a few lines ahead,
  // so that the cache misses of a large table overlap.
  void Prefetch(const Key& key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[key.hash >> shift_]);
  }

  // The id of `token`, whose key is `key`, or kNoNode.
  std::uint32_t Find(std::string_view token, const Key& key) const {
    if (slots_.empty()) return kNoNode;
    for (std::size_t i = key.hash >> shift_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id == kNoNode) return kNoNode;
      if (Matches(slot, key, token)) return slot.id;
    }
  }

  // The id of `token`, given as Size() when it is new; `inserted` says which. The caller keeps
  // Size() below kNoNode.
  std::uint32_t Insert(std::string_view token, const Key& key, bool& inserted) {
    if (2 * (keys_.size() + 1) > slots_.size()) Grow();
    for (std::size_t i = key.hash >> shift_;; i = (i + 1) & mask_) {
      Slot& slot = slots_[i];
      if (slot.id == kNoNode) {
        slot = Slot{key.prefix, static_cast<std::uint32_t>(keys_.size()), key.tag};
        keys_.push_back(token);
        inserted = true;
        return slot.id;
      }
      if (Matches(slot, key, token)) {
        inserted = false;
        return slot.id;
      }
    }
  }

 private:
  static std::uint64_t Mix(std::uint64_t x) {  // the splitmix64 finaliser
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
  }

  static constexpr std::size_t kInline = 8;
  static constexpr int kTagHashBits = 24;

  struct Slot {
    std::uint64_t prefix = 0;
    std::uint32_t id = kNoNode;
    std::uint32_t tag = 0;
  };

  // Equal tags mean equal lengths up to 255, so a short token is settled by its prefix.
  bool Matches(const Slot& slot, const Key& key, std::string_view token) const {
    if (slot.tag != key.tag || slot.prefix != key.prefix) return false;
    return token.size() <= kInline || keys_[slot.id] == token;
  }

  // Doubles the table. A slot's home is the top bits of its hash, which the tag keeps up to 24 of,
  // so up to 2^24 slots the old table is moved without rehashing a key, nearly in order.
  void Grow() {
    int bits = slots_.empty() ? 10 : 64 - shift_ + 1;
    std::vector<Slot> old(std::size_t{1} << bits);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    shift_ = 64 - bits;
    for (const Slot& slot : old) {
      if (slot.id == kNoNode) continue;
      std::size_t i =
          bits <= kTagHashBits ? slot.tag >> (32 - bits) : MakeKey(keys_[slot.id]).hash >> shift_;
      while (slots_[i].id != kNoNode) i = (i + 1) & mask_;
      slots_[i] = slot;
    }
  }

  std::vector<Slot> slots_;
  std::size_t mask_ = 0;
  int shift_ = 64;                      // home slot = hash >> shift_
  std::vector<std::string_view> keys_;  // by id
};

// Node ids by first appearance. The keys view into the text, which outlives the parse.
class FirstAppearance {
 public:
  explicit FirstAppearance(std::vector<NodeRecord>& nodes) : nodes_(nodes) {}

  const TokenIndex& Index() const { return index_; }

  std::uint32_t Find(std::string_view token, const TokenIndex::Key& key) {
    if (index_.Size() == kNoNode) return index_.Find(token, key);
    bool inserted = false;
    std::uint32_t id = index_.Insert(token, key, inserted);
    if (inserted) nodes_.push_back(NodeRecord{std::string(token), std::string(token), {}});
    return id;
  }

  std::string WhyNot(std::string_view token) const {
    return fmt::format("node \"{}\" is one more than the {} nodes an edge list may have",
                       Shown(token), kNoNode);
  }

 private:
  std::vector<NodeRecord>& nodes_;
  TokenIndex index_;
};

// Node ids from a nodes file, whose ids are distinct (ReadNodes checks). The keys view into the
// records, which do not move during the parse.
class Listed {
 public:
  Listed(const std::vector<NodeRecord>& nodes, std::string_view nodes_path)
      : nodes_path_(nodes_path) {
    bool inserted = false;
    for (const NodeRecord& node : nodes) {
      index_.Insert(node.token, TokenIndex::MakeKey(node.token), inserted);
    }
  }

  const TokenIndex& Index() const { return index_; }

  std::uint32_t Find(std::string_view token, const TokenIndex::Key& key) const {
    return index_.Find(token, key);
  }

  std::string WhyNot(std::string_view token) const {
    return fmt::format("node \"{}\" is not in {}", Shown(token), nodes_path_);
  }

 private:
  std::string_view nodes_path_;
  TokenIndex index_;
};

// A line split into fields, waiting for its node ids.
struct PendingEdge {
  std::array<std::string_view, 3> fields;
  std::array<TokenIndex::Key, 2> keys;
  std::size_t count = 0;
  std::size_t line = 0;
};

template <class Ids>
core::Result<void> ResolveEdge(std::string_view path, const PendingEdge& pending, Ids& ids,
                               EdgeListFile& out) {
  EdgeRecord edge;
  for (int end = 0; end < 2; ++end) {
    std::uint32_t id = ids.Find(pending.fields[end], pending.keys[end]);
    if (id == kNoNode) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: {}", path, pending.line, ids.WhyNot(pending.fields[end])));
    }
    (end == 0 ? edge.from : edge.to) = id;
  }
  if (pending.count == 3) {
    ALLIES_TRY(edge.weight, ParseWeight(path, pending.line, pending.fields[2]));
    out.weighted = true;
  }
  out.edges.push_back(edge);
  return {};
}

// Node ids are looked up kLookahead lines after their line is split, and the table slots are
// prefetched at the split: on a table larger than the cache this saves a third of the time. Lines
// are still resolved in order, so ids follow first appearance and the first bad line is reported.
template <class Ids>
core::Result<void> ParseEdgeLines(std::string_view path, std::string_view text, Ids& ids,
                                  EdgeListFile& out) {
  constexpr std::size_t kLookahead = 16;
  out.edges.reserve(static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')) + 1);
  std::array<PendingEdge, kLookahead> pending;
  std::size_t first = 0;  // the oldest pending line is pending[first % kLookahead]
  std::size_t next = 0;
  LineReader lines(text);
  std::string_view line;
  while (lines.Next(line)) {
    if (IsCommentOrBlank(line)) continue;
    PendingEdge& edge = pending[next % kLookahead];
    edge.count = SplitAtBlanks(line, edge.fields);
    edge.line = lines.Number();
    if (edge.count < 2 || edge.count > 3) {
      for (; first < next; ++first) {
        ALLIES_TRY_VOID(ResolveEdge(path, pending[first % kLookahead], ids, out));
      }
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: expected {}, got {}", path, edge.line, kEdgeLineForm,
                              Fields(edge.count)));
    }
    for (int end = 0; end < 2; ++end) {
      edge.keys[end] = TokenIndex::MakeKey(edge.fields[end]);
      ids.Index().Prefetch(edge.keys[end]);
    }
    ++next;
    if (next - first == kLookahead) {
      ALLIES_TRY_VOID(ResolveEdge(path, pending[first++ % kLookahead], ids, out));
    }
  }
  for (; first < next; ++first) {
    ALLIES_TRY_VOID(ResolveEdge(path, pending[first % kLookahead], ids, out));
  }
  return {};
}

core::Result<std::string> ReadFile(const std::filesystem::path& path) {
  // Read in blocks rather than by size, so that pipes such as /dev/stdin work too.
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                       &std::fclose);
  if (!file) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot read \"{}\": {}", path.string(), std::strerror(errno)));
  }
  std::string content;
  std::array<char, 1 << 16> buffer;
  while (true) {
    std::size_t got = std::fread(buffer.data(), 1, buffer.size(), file.get());
    content.append(buffer.data(), got);
    if (got < buffer.size()) break;
  }
  if (std::ferror(file.get())) {
    return Fail(ErrorCode::kIo,
                fmt::format("cannot read \"{}\": {}", path.string(), std::strerror(errno)));
  }
  return content;
}

}  // namespace

core::Result<EdgeListFile> ReadEdgeList(std::string_view path_for_messages, std::string_view text) {
  EdgeListFile out;
  FirstAppearance ids(out.nodes);
  ALLIES_TRY_VOID(ParseEdgeLines(path_for_messages, text, ids, out));
  if (out.edges.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: no edges (expected lines {}; \"#\" starts a comment)",
                            path_for_messages, kEdgeLineForm));
  }
  return out;
}

core::Result<EdgeListFile> ReadEdgeList(std::string_view path_for_messages, std::string_view text,
                                        NodesFile nodes_file) {
  EdgeListFile out;
  out.nodes = std::move(nodes_file.nodes);
  Listed ids(out.nodes, nodes_file.path);
  ALLIES_TRY_VOID(ParseEdgeLines(path_for_messages, text, ids, out));
  return out;
}

core::Result<NodesFile> ReadNodes(std::string_view path_for_messages, std::string_view text) {
  NodesFile out;
  out.path = std::string(path_for_messages);
  TokenIndex ids;                    // views into the text
  std::vector<std::size_t> line_of;  // by id, for the message about a repeated id
  LineReader lines(text);
  std::string_view line;
  while (lines.Next(line)) {
    if (IsCommentOrBlank(line)) continue;
    std::array<std::string_view, 3> fields;
    std::size_t count = 0;
    for (std::size_t start = 0;; ++count) {
      std::size_t tab = line.find('\t', start);
      if (count < fields.size()) fields[count] = line.substr(start, tab - start);
      if (tab == std::string_view::npos) break;
      start = tab + 1;
    }
    ++count;
    if (count < 2 || count > 3) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: expected {}, got {}{}", path_for_messages, lines.Number(),
                              kNodeLineForm, Fields(count),
                              count == 1 ? " (fields are separated by tabs)" : ""));
    }
    std::string_view id = TrimBlanks(fields[0]);
    if (id.empty()) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: the id is empty", path_for_messages, lines.Number()));
    }
    if (std::any_of(id.begin(), id.end(), IsBlank)) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: id \"{}\" contains blanks (an edge list could not name it)",
                              path_for_messages, lines.Number(), Shown(id)));
    }
    TokenIndex::Key key = TokenIndex::MakeKey(id);
    if (std::uint32_t first = ids.Find(id, key); first != kNoNode) {
      return Fail(ErrorCode::kInvalidArgument,
                  fmt::format("{}:{}: id \"{}\" is listed twice (first on line {})",
                              path_for_messages, lines.Number(), Shown(id), line_of[first]));
    }
    if (ids.Size() == kNoNode) {
      return Fail(
          ErrorCode::kInvalidArgument,
          fmt::format("{}:{}: more than {} nodes", path_for_messages, lines.Number(), kNoNode));
    }
    bool inserted = false;
    ids.Insert(id, key, inserted);
    line_of.push_back(lines.Number());
    std::string_view label = TrimBlanks(fields[1]);
    out.nodes.push_back(NodeRecord{std::string(id), std::string(label.empty() ? id : label),
                                   count == 3 ? std::string(TrimBlanks(fields[2])) : ""});
  }
  if (out.nodes.empty()) {
    return Fail(ErrorCode::kInvalidArgument,
                fmt::format("{}: no nodes (expected lines {}; \"#\" starts a comment)",
                            path_for_messages, kNodeLineForm));
  }
  return out;
}

core::Result<EdgeListFile> ReadNetwork(const std::filesystem::path& edges_path,
                                       const std::optional<std::filesystem::path>& nodes_path) {
  ALLIES_TRY(std::string edges_text, ReadFile(edges_path));
  if (!nodes_path) return ReadEdgeList(edges_path.string(), edges_text);
  ALLIES_TRY(std::string nodes_text, ReadFile(*nodes_path));
  ALLIES_TRY(NodesFile nodes_file, ReadNodes(nodes_path->string(), nodes_text));
  return ReadEdgeList(edges_path.string(), edges_text, std::move(nodes_file));
}

}  // namespace allies::formats
