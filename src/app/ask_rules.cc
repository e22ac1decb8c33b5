// The pure rules of meeting prep and the ask advisor: search words, offers that fit needs, and
// what a personal note is about.

#include <algorithm>
#include <iterator>
#include <set>

#include "app/ask_internal.h"
#include "core/text.h"

namespace allies::app::internal {
namespace {

// Words that say nothing about what is asked for.
constexpr std::string_view kStopWords[] = {
    "a",     "about", "an",  "and",   "any",    "are",   "as",   "ask",     "at",   "be",
    "but",   "by",    "can", "could", "do",     "for",   "from", "get",     "has",  "have",
    "help",  "how",   "in",  "into",  "is",     "it",    "me",   "my",      "need", "needs",
    "of",    "on",    "or",  "our",   "please", "so",    "some", "someone", "that", "the",
    "their", "this",  "to",  "us",    "want",   "wants", "we",   "with"};

bool IsStopWord(std::string_view word) {
  return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

bool IsWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}

// Lower-case words of `text`, stop words included.
std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> words;
  std::string folded = core::FoldCase(text);
  std::string word;
  for (char c : folded) {
    if (IsWordByte(static_cast<unsigned char>(c))) {
      word += c;
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

std::string Singular(std::string word) {
  if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') word.pop_back();
  return word;
}

bool ContainsAny(const std::string& text, std::initializer_list<std::string_view> cues) {
  return std::any_of(cues.begin(), cues.end(),
                     [&](std::string_view cue) { return text.find(cue) != std::string::npos; });
}

}  // namespace

std::vector<std::string> SearchWords(std::string_view text) {
  std::vector<std::string> result;
  for (std::string& word : Words(text)) {
    if (word.size() < 2 || IsStopWord(word)) continue;
    if (std::find(result.begin(), result.end(), word) == result.end()) {
      result.push_back(std::move(word));
    }
  }
  return result;
}

bool OfferFitsNeed(std::string_view offer, std::string_view need) {
  std::set<std::string> need_words;
  for (std::string& word : Words(need)) need_words.insert(Singular(std::move(word)));
  bool any = false;
  for (std::string& word : Words(offer)) {
    if (IsStopWord(word)) continue;
    if (!need_words.contains(Singular(std::move(word)))) return false;
    any = true;
  }
  return any;
}

NoteKind ClassifyNote(std::string_view note) {
  // Padded with spaces so that cues can require word boundaries: " son " is not "person".
  std::string text = " ";
  for (const std::string& word : Words(note)) text += word + " ";
  if (ContainsAny(text, {" got into ", " drifted into ", " moved into ", " worked up into ",
                         " came to ", " retrain", " studied ", " career", " joined ",
                         " background ", " first job ", " started as ", " started on ",
                         " started out ", " before becoming ", " used to be ", " former "})) {
    return NoteKind::kOrigin;
  }
  if (ContainsAny(
          text, {" kid",     " child",    " son ",      " sons ",        " daughter", " baby ",
                 " twins ",  " partner ", " wife ",     " husband ",     " married ", " wedding ",
                 " father ", " mother ",  " parent",    " grandparent ", " family ",  " grandchild",
                 " dog ",    " cat ",     " greyhound "})) {
    return NoteKind::kFamily;
  }
  return NoteKind::kInterest;
}

}  // namespace allies::app::internal
