#include "indexer/cleaner.hpp"

#include "common/dates.hpp"
#include "common/text/analyzer.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>

namespace gazette::indexer {
namespace {

// Rule names, as RemovedLine::rule reports them.
constexpr std::string_view kCallToAction = "call-to-action";
constexpr std::string_view kReadingTime = "reading-time";
constexpr std::string_view kDateline = "dateline";
constexpr std::string_view kByline = "byline";
constexpr std::string_view kRepeatedHeadline = "repeated-headline";
constexpr std::string_view kHeadline = "headline";
constexpr std::string_view kPhotoCaption = "photo-caption";
constexpr std::string_view kStoryLink = "story-link";

// Size limits: chrome is short, so long lines are article text whatever they contain.
constexpr std::size_t kMaxCtaWords = 15;
constexpr std::size_t kMaxCaptionWords = 40;
constexpr std::size_t kMinLinkWords = 6;
constexpr std::size_t kMaxLinkWords = 16;
constexpr std::size_t kMaxLinksPerReport = 4;
constexpr std::size_t kMaxPrefixedLinkWords = 30;
constexpr std::size_t kMaxHeadlineWords = 25;
constexpr std::size_t kMaxTitleBytes = 110;

// ---------------------------------------------------------------------------------------------
// Text helpers

bool is_space(unsigned char c) {
    return std::isspace(c) != 0;
}

/// Trims ASCII space and the invisible characters crawled text carries at line ends
/// (no-break space, zero-width space, byte-order mark).
std::string_view trim(std::string_view s) {
    static constexpr std::array<std::string_view, 3> kInvisible = {
        "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xBB\xBF"};
    bool changed = true;
    while (changed && !s.empty()) {
        changed = false;
        while (!s.empty() && is_space(static_cast<unsigned char>(s.front()))) {
            s.remove_prefix(1);
            changed = true;
        }
        while (!s.empty() && is_space(static_cast<unsigned char>(s.back()))) {
            s.remove_suffix(1);
            changed = true;
        }
        for (const auto mark : kInvisible) {
            if (s.starts_with(mark)) {
                s.remove_prefix(mark.size());
                changed = true;
            }
            if (s.ends_with(mark)) {
                s.remove_suffix(mark.size());
                changed = true;
            }
        }
    }
    return s;
}

std::vector<std::string_view> split_words(std::string_view s) {
    std::vector<std::string_view> words;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && is_space(static_cast<unsigned char>(s[i]))) {
            ++i;
        }
        const std::size_t start = i;
        while (i < s.size() && !is_space(static_cast<unsigned char>(s[i]))) {
            ++i;
        }
        if (i > start) {
            words.push_back(s.substr(start, i - start));
        }
    }
    return words;
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (auto& c : out) {
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    return out;
}

std::string join(const std::vector<std::string_view>& words, std::size_t first, std::size_t last) {
    std::string out;
    for (std::size_t i = first; i < last; ++i) {
        if (!out.empty()) {
            out += ' ';
        }
        out += words[i];
    }
    return out;
}

/// Phrases are matched on fold_key() text (lower case, punctuation made space), word-aligned.
bool key_starts_with(std::string_view key, std::string_view phrase) {
    return key.starts_with(phrase) && (key.size() == phrase.size() || key[phrase.size()] == ' ');
}

bool key_contains(std::string_view key, std::string_view phrase) {
    for (auto pos = key.find(phrase); pos != std::string_view::npos;
         pos = key.find(phrase, pos + 1)) {
        const bool starts = pos == 0 || key[pos - 1] == ' ';
        const std::size_t end = pos + phrase.size();
        if (starts && (end == key.size() || key[end] == ' ')) {
            return true;
        }
    }
    return false;
}

template <std::size_t N>
bool key_has_any(std::string_view key, const std::array<std::string_view, N>& phrases) {
    return std::any_of(
        phrases.begin(), phrases.end(), [&](auto p) { return key_contains(key, p); });
}

/// @return the first code point of a word after leading quotes and brackets, or 0.
UChar32 first_letter(std::string_view word) {
    std::size_t i = 0;
    while (i < word.size()) {
        UChar32 c = 0;
        const std::size_t at = i;
        U8_NEXT(word.data(), i, word.size(), c);
        if (c < 0) {
            return 0;
        }
        if (u_isalnum(c)) {
            return c;
        }
        if (!u_ispunct(c) || at > 8) {
            return 0;
        }
    }
    return 0;
}

bool is_capitalised(std::string_view word) {
    const UChar32 c = first_letter(word);
    return c != 0 && (u_isupper(c) || u_istitle(c) || u_isdigit(c));
}

/// @return the text without the quotes and brackets that close it.
std::string_view strip_closers(std::string_view s) {
    static constexpr std::array<std::string_view, 7> kClosers = {
        "\"", "'", ")", "]", "\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB"};
    for (bool stripped = true; stripped && !s.empty();) {
        stripped = false;
        for (const auto closer : kClosers) {
            if (s.ends_with(closer)) {
                s.remove_suffix(closer.size());
                stripped = true;
            }
        }
    }
    return s;
}

/// A paragraph that is a sentence ends with . ! ? … (or a colon, introducing what follows),
/// possibly inside a closing quote. Headlines, links and captions mostly do not.
bool ends_like_sentence(std::string_view line) {
    line = strip_closers(trim(line));
    return line.ends_with('.') || line.ends_with('!') || line.ends_with('?') ||
           line.ends_with(':') || line.ends_with("\xE2\x80\xA6");
}

bool has_double_quote(std::string_view s) {
    return s.find('"') != std::string_view::npos ||
           s.find("\xE2\x80\x9C") != std::string_view::npos ||
           s.find("\xE2\x80\x9D") != std::string_view::npos;
}

// ---------------------------------------------------------------------------------------------
// Calls to action, reading times

/// Whole lines that are page furniture by themselves.
constexpr std::array<std::string_view, 25> kFurniture = {
    "advertisement",
    "advertising",
    "ad",
    "sponsored",
    "share",
    "tweet",
    "print",
    "email",
    "comments",
    "listen",
    "photo",
    "video",
    "close",
    "twitter",
    "facebook",
    "youtube",
    "more on this",
    "skip advertisement",
    "continue reading",
    "read more",
    "show comments",
    "listen to this article",
    "story continued below",
    "story continues below advertisement",
    "advertisement continue reading the main story"};

/// Imperatives that open a call to action. Each carries its object ("support us", not
/// "support"), since "Support for the war fell." is a sentence.
constexpr std::array<std::string_view, 45> kCtaOpenings = {"join us",
                                                           "join our",
                                                           "join the conversation",
                                                           "follow us",
                                                           "follow our",
                                                           "follow me",
                                                           "subscribe",
                                                           "sign up",
                                                           "signup",
                                                           "support us",
                                                           "support our",
                                                           "support independent",
                                                           "donate",
                                                           "share this",
                                                           "share on",
                                                           "share article",
                                                           "share the story",
                                                           "read more",
                                                           "read the full",
                                                           "click here",
                                                           "click to",
                                                           "tap here",
                                                           "download our",
                                                           "download the app",
                                                           "get our",
                                                           "get the latest",
                                                           "become a patron",
                                                           "become a member",
                                                           "become a subscriber",
                                                           "like us on",
                                                           "listen to this",
                                                           "contact us",
                                                           "send us",
                                                           "got a tip",
                                                           "have a tip",
                                                           "want more",
                                                           "don t miss",
                                                           "never miss",
                                                           "slideshow",
                                                           "prev image",
                                                           "next image",
                                                           "enlarge this image",
                                                           "toggle caption",
                                                           "hide caption",
                                                           "just watched"};

/// Phrases that make a short line a call to action wherever they stand in it.
constexpr std::array<std::string_view, 25> kCtaPhrases = {
    "support us on",      "follow us on",
    "join us on",         "sign up for our",
    "subscribe to our",   "our newsletter",
    "free newsletter",    "daily newsletter",
    "your inbox",         "highlight the text",
    "press ctrl",         "ctrl + enter",
    "ctrl+enter",         "on patreon",
    "via patreon",        "our app",
    "our telegram",       "our coverage",
    "click here",         "share this article",
    "share this story",   "support independent journalism",
    "found a mistake",    "found a typo",
    "all rights reserved"};

/// Platforms a "follow @handle" line points at.
constexpr std::array<std::string_view, 3> kFollowVerbs = {"follow", "join", "subscribe"};

bool is_call_to_action(std::string_view line, std::size_t word_count) {
    // Quoted speech is article text even when someone says "join us".
    if (word_count > kMaxCtaWords || has_double_quote(line)) {
        return false;
    }
    // A copyright notice: "© 2019 The Washington Times, LLC."
    if (line.find("\xC2\xA9") != std::string_view::npos) {
        return true;
    }
    const std::string key = text::fold_key(line);
    if (std::find(kFurniture.begin(), kFurniture.end(), key) != kFurniture.end()) {
        return true;
    }
    if (std::any_of(kCtaOpenings.begin(), kCtaOpenings.end(), [&](auto p) {
            return key_starts_with(key, p);
        })) {
        return true;
    }
    if (key_has_any(key, kCtaPhrases)) {
        return true;
    }
    // "Follow @kyivindependent on X": a handle and a follow verb.
    return key.find('@') != std::string::npos && key_has_any(key, kFollowVerbs);
}

bool is_number(std::string_view word) {
    return !word.empty() && std::all_of(word.begin(), word.end(), [](char c) {
        return std::isdigit(static_cast<unsigned char>(c)) != 0;
    });
}

/// "2 minute read", "3 min read", "5-minute read", "Reading time: 4 minutes", "Estimated reading
/// time 6 min".
bool is_reading_time(std::string_view line, std::size_t word_count) {
    if (word_count > 8) {
        return false;
    }
    const std::string key = text::fold_key(line);
    const auto words = split_words(key);
    std::size_t i = 0;
    auto take = [&](std::string_view w) {
        if (i < words.size() && words[i] == w) {
            ++i;
            return true;
        }
        return false;
    };
    take("estimated");
    bool prefixed = false;
    if (take("reading") || take("read")) {
        prefixed = take("time");  // "reading time", "read time"
    } else if (take("time")) {
        prefixed = take("to") && take("read");  // "time to read"
    }
    if (i >= words.size() || !is_number(words[i])) {
        return false;
    }
    ++i;
    static constexpr std::array<std::string_view, 4> kUnits = {"min", "mins", "minute", "minutes"};
    if (i >= words.size() || std::find(kUnits.begin(), kUnits.end(), words[i]) == kUnits.end()) {
        return false;
    }
    ++i;
    const bool read = take("read");
    return i == words.size() && (prefixed || read);
}

// ---------------------------------------------------------------------------------------------
// Datelines

/// The words around a date that a dateline may carry: times, zones, separators.
bool is_time_or_separator(std::string_view word) {
    static constexpr std::array<std::string_view, 26> kWords = {
        "|",   "-",   "\xE2\x80\x93", "\xE2\x80\x94", "\xE2\x80\xA2", "\xC2\xB7", ",",
        "at",  "am",  "pm",           "a.m.",         "p.m.",         "utc",      "gmt",
        "est", "edt", "cet",          "cest",         "eet",          "eest",     "bst",
        "et",  "pt",  "msk",          "kyiv",         "time"};
    const std::string w = lower_ascii(word);
    if (std::find(kWords.begin(), kWords.end(), w) != kWords.end()) {
        return true;
    }
    // "10:00", "9.30am", "10:00,": digits with a colon or dot, and an optional am/pm.
    std::size_t digits = 0;
    bool colon = false;
    std::size_t i = 0;
    for (; i < w.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(w[i]))) {
            ++digits;
        } else if (w[i] == ':' || w[i] == '.') {
            colon = true;
        } else {
            break;
        }
    }
    const std::string_view rest = std::string_view(w).substr(i);
    return digits >= 3 && colon &&
           (rest.empty() || rest == "," || rest == "am" || rest == "pm" || rest == "h");
}

bool is_weekday(std::string_view word) {
    static constexpr std::array<std::string_view, 7> kDays = {
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
    std::string w = lower_ascii(word);
    while (!w.empty() && (w.back() == ',' || w.back() == '.')) {
        w.pop_back();
    }
    // The full name, or an abbreviation ("Fri", "Tues"): "Frida" is a name, not a day.
    return std::any_of(kDays.begin(), kDays.end(), [&](auto d) {
        return w == d || (w.size() >= 3 && w.size() <= 4 && d.starts_with(w));
    });
}

/// parse_date() and, when day-first fails, the US month-first order ("1/31/2025").
std::optional<CalendarDate> parse_any_date(std::string text) {
    while (!text.empty() && (text.back() == ',' || text.back() == '|')) {
        text.pop_back();
    }
    if (auto date = parse_date(text)) {
        return date;
    }
    const auto slash = text.find('/');
    const auto second = slash == std::string::npos ? slash : text.find('/', slash + 1);
    if (second == std::string::npos) {
        return std::nullopt;
    }
    const std::string swapped = text.substr(slash + 1, second - slash - 1) + "/" +
                                text.substr(0, slash) + text.substr(second);
    return parse_date(swapped);
}

/// Reads the longest date starting at words[pos] (a date is one to four words).
std::optional<CalendarDate> take_date(const std::vector<std::string_view>& words,
                                      std::size_t& pos) {
    for (std::size_t n = std::min<std::size_t>(4, words.size() - pos); n > 0; --n) {
        if (auto date = parse_any_date(join(words, pos, pos + n))) {
            pos += n;
            return date;
        }
    }
    return std::nullopt;
}

/// The label before a date ("Published:", "Updated on", "date").
enum class DateLabel { None, Published, Updated };

DateLabel take_label(const std::vector<std::string_view>& words, std::size_t& pos) {
    static constexpr std::array<std::string_view, 8> kPublished = {"date",
                                                                   "published",
                                                                   "posted",
                                                                   "first published",
                                                                   "publication date",
                                                                   "pub date",
                                                                   "created",
                                                                   "dated"};
    static constexpr std::array<std::string_view, 4> kUpdated = {
        "updated", "last updated", "modified", "last modified"};
    for (std::size_t n = std::min<std::size_t>(2, words.size() - pos); n > 0; --n) {
        std::string label = lower_ascii(join(words, pos, pos + n));
        if (!label.empty() && label.back() == ':') {
            label.pop_back();
        }
        const bool published =
            std::find(kPublished.begin(), kPublished.end(), label) != kPublished.end();
        const bool updated = std::find(kUpdated.begin(), kUpdated.end(), label) != kUpdated.end();
        if (published || updated) {
            pos += n;
            if (pos < words.size() && lower_ascii(words[pos]) == "on") {
                ++pos;
            }
            return published ? DateLabel::Published : DateLabel::Updated;
        }
    }
    return DateLabel::None;
}

struct Dateline {
    std::optional<CalendarDate> published;  ///< the date, unless it is only an update time
};

/// A line that is only a date ("31/01/2025", "Friday, Jan. 31, 2025 10:00 GMT"), or dates with
/// their labels ("Published 2025-01-31 | Updated 2025-02-01"), possibly followed by chrome
/// (" date 2025-01-31 Support us on Patreon": a crawler's date glued to a call to action).
std::optional<Dateline> parse_dateline(std::string_view line, std::size_t word_count) {
    if (word_count > 20) {
        return std::nullopt;
    }
    const auto words = split_words(line);
    std::size_t pos = 0;
    Dateline result;
    bool any = false;
    while (pos < words.size()) {
        while (pos < words.size() && (is_time_or_separator(words[pos]) || is_weekday(words[pos]))) {
            ++pos;
        }
        const std::size_t start = pos;
        const DateLabel label = pos < words.size() ? take_label(words, pos) : DateLabel::None;
        while (pos < words.size() && (is_time_or_separator(words[pos]) || is_weekday(words[pos]))) {
            ++pos;
        }
        const auto date = pos < words.size() ? take_date(words, pos) : std::nullopt;
        if (!date) {
            pos = start;
            break;
        }
        any = true;
        if (label != DateLabel::Updated && !result.published) {
            result.published = date;
        }
    }
    if (!any) {
        return std::nullopt;
    }
    if (pos < words.size()) {
        // Whatever follows the dates must itself be chrome.
        const std::string rest = join(words, pos, words.size());
        const std::size_t rest_words = words.size() - pos;
        if (!is_call_to_action(rest, rest_words) && !is_reading_time(rest, rest_words)) {
            return std::nullopt;
        }
    }
    return result;
}

// ---------------------------------------------------------------------------------------------
// Bylines

/// A word of a person's name: capitalised ("Zoria", "O'Brien", "J."), or a lower-case particle
/// inside the name ("van", "de", "al").
bool is_name_word(std::string_view word, bool inside) {
    static constexpr std::array<std::string_view, 14> kParticles = {
        "de", "da", "del", "van", "von", "der", "den", "al", "el", "bin", "la", "le", "du", "di"};
    if (is_weekday(word)) {
        return false;  // "By Monday Morning"
    }
    if (inside && std::find(kParticles.begin(), kParticles.end(), word) != kParticles.end()) {
        return true;
    }
    const UChar32 c = first_letter(word);
    return c != 0 && (u_isupper(c) || u_istitle(c)) && word.find('@') == std::string_view::npos;
}

/// Names joined by "and" / "&" / ",": each one to four name words; the first at least two, so
/// that "By Tuesday" or "By Force" is not a byline.
std::optional<std::string> parse_names(const std::vector<std::string_view>& words) {
    std::vector<std::string> names;
    std::string current;
    std::size_t current_words = 0;
    auto close_name = [&]() {
        if (current_words == 0 || current_words > 4) {
            return false;
        }
        names.push_back(current);
        current.clear();
        current_words = 0;
        return true;
    };
    for (std::string_view word : words) {
        if (word == "and" || word == "&") {
            if (!close_name()) {
                return std::nullopt;
            }
            continue;
        }
        const bool comma = word.ends_with(',');
        if (comma) {
            word.remove_suffix(1);
        }
        if (!is_name_word(word, current_words > 0)) {
            return std::nullopt;
        }
        current += current.empty() ? "" : " ";
        current += word;
        ++current_words;
        if (comma && !close_name()) {
            return std::nullopt;
        }
    }
    if (!close_name() || split_words(names.front()).size() < 2) {
        return std::nullopt;
    }
    std::string author;
    for (const auto& name : names) {
        author += author.empty() ? "" : ", ";
        author += name;
    }
    return author;
}

/// @return how many words of a byline are names. A comma ends them ("Paul Wood, BBC News"),
/// unless an "and" follows it: then it separates names ("A B, C D and E F, CNN").
std::size_t names_end(const std::vector<std::string_view>& words) {
    auto is_and = [](std::string_view w) { return w == "and" || w == "&"; };
    auto has_comma = [](std::string_view w) { return w.ends_with(','); };
    const auto first_comma = std::find_if(words.begin(), words.end(), has_comma);
    if (first_comma == words.end()) {
        return words.size();
    }
    const auto last_and = std::find_if(words.rbegin(), words.rend(), is_and);
    if (last_and == words.rend() || last_and.base() - 1 < first_comma) {
        return static_cast<std::size_t>(first_comma - words.begin()) + 1;
    }
    const auto comma_after = std::find_if(last_and.base(), words.end(), has_comma);
    return comma_after == words.end() ? words.size()
                                      : static_cast<std::size_t>(comma_after - words.begin()) + 1;
}

/// "By Jane Doe", "by Jane Doe and John Smith", "byYuri Zoria" (glued by a crawler), "Written
/// by Jane Doe | Kyiv Post". @return the author names.
std::optional<std::string> parse_byline(std::string_view line, std::size_t word_count) {
    if (word_count > 12) {
        return std::nullopt;
    }
    const std::string lower = lower_ascii(line);
    std::size_t skip = 0;
    for (std::string_view opening : {"written by ",
                                     "words by ",
                                     "story by ",
                                     "reported by ",
                                     "analysis by ",
                                     "text by ",
                                     "by "}) {
        if (lower.starts_with(opening)) {
            skip = opening.size();
            break;
        }
    }
    // Glued: "byYuri Zoria" but not "BYRON YORK: ..." (a capital Y is a word, not "by").
    const bool glued = skip == 0 && lower.starts_with("by") && line.size() > 2 && line[1] == 'y' &&
                       std::isupper(static_cast<unsigned char>(line[2]));
    if (skip == 0 && !glued) {
        return std::nullopt;
    }
    std::string_view rest = line.substr(glued ? 2 : skip);
    // An outlet or role after a separator ("| Kyiv Post", "- Reuters") is not part of the name.
    for (std::string_view sep : {" | ", " - ", " \xE2\x80\x93 ", " \xE2\x80\x94 ", " / "}) {
        if (const auto at = rest.find(sep); at != std::string_view::npos) {
            rest = rest.substr(0, at);
        }
    }
    auto words = split_words(rest);
    words.resize(std::min(words.size(), names_end(words)));
    if (words.empty() || words.size() > 9) {
        return std::nullopt;
    }
    if (words.back().ends_with(',')) {
        words.back().remove_suffix(1);
    }
    return parse_names(words);
}

// ---------------------------------------------------------------------------------------------
// Photo captions

/// Credits that sit after the caption ("... in Kyiv. REUTERS/Gleb Garanich").
constexpr std::array<std::string_view, 14> kAgencyCredits = {"Getty Images",
                                                             "/AFP",
                                                             "AFP/",
                                                             "AFP via",
                                                             "Reuters/",
                                                             "REUTERS/",
                                                             "/Reuters",
                                                             "AP Photo",
                                                             "/AP",
                                                             "EPA/",
                                                             "/EPA",
                                                             "EPA-EFE",
                                                             "Shutterstock",
                                                             "/TASS"};

/// Labels that open a caption or its credit ("Photo: AP", "... Oblast. Photo via X").
constexpr std::array<std::string_view, 16> kCaptionLabels = {"Photo:",
                                                             "Photo via",
                                                             "Photo by",
                                                             "Photo credit",
                                                             "Photo courtesy",
                                                             "Photo/",
                                                             "Photograph:",
                                                             "Photographs:",
                                                             "Image:",
                                                             "Image via",
                                                             "Image credit",
                                                             "Credit:",
                                                             "Illustration:",
                                                             "Illustrative photo",
                                                             "Screenshot:",
                                                             "Pictured:"};

/// A label counts at the start of the line or of a sentence, or inside an opening bracket:
/// "He posted a photo via Telegram" is a sentence, "Oblast. Photo via Tsapliyenko" a credit.
bool at_clause_start(std::string_view line, std::size_t pos) {
    if (pos == 0) {
        return true;
    }
    const std::string_view before = trim(line.substr(0, pos));
    return before.empty() || before.ends_with('.') || before.ends_with('(') ||
           before.ends_with('[') || before.ends_with('|') || before.ends_with('/') ||
           before.ends_with("\xE2\x80\x94") || before.ends_with('-') || before.ends_with(':');
}

bool has_caption_label(std::string_view line) {
    for (std::string_view label : kCaptionLabels) {
        for (auto pos = line.find(label); pos != std::string_view::npos;
             pos = line.find(label, pos + 1)) {
            if (at_clause_start(line, pos)) {
                return true;
            }
        }
        // "(Photo: AP)", "(Photo by ...)": lower-case label inside a bracket.
        if (line.find("(" + lower_ascii(label)) != std::string_view::npos) {
            return true;
        }
    }
    return false;
}

/// An agency credit counts near the end of the line, where captions put it: "A Reuters/Ipsos
/// poll found ..." opens a sentence.
bool has_agency_credit(std::string_view line, const std::vector<std::string_view>& words) {
    if (words.empty()) {
        return false;
    }
    const std::size_t tail_words = 8;
    const std::size_t first = words.size() > tail_words ? words.size() - tail_words : 0;
    const auto tail_start = static_cast<std::size_t>(words[first].data() - line.data());
    const std::string_view tail = line.substr(tail_start);
    return std::any_of(kAgencyCredits.begin(), kAgencyCredits.end(), [&](auto credit) {
        const auto pos = tail.find(credit);
        return pos != std::string_view::npos && !tail.substr(pos).starts_with("Reuters/Ipsos");
    });
}

bool is_photo_caption(std::string_view line, std::size_t word_count) {
    if (word_count > kMaxCaptionWords) {
        return false;
    }
    return has_caption_label(line) || has_agency_credit(line, split_words(line));
}

// ---------------------------------------------------------------------------------------------
// Story links and headlines

/// Short words headline case leaves in lower case, beyond the stop words.
bool is_minor_word(const std::string& folded) {
    static constexpr std::array<std::string_view, 12> kMinor = {
        "amid", "as", "at", "by", "for", "from", "in", "of", "on", "per", "via", "vs"};
    return text::Analyzer::is_stopword(folded) ||
           std::find(kMinor.begin(), kMinor.end(), folded) != kMinor.end();
}

/// Headline case: the first word and most (4 in 5) of the words that are not function words
/// are capitalised: "Australia ‘Open to Consideration’ on Troop Deployments to Ukraine".
bool is_headline_case(std::string_view line) {
    const auto words = split_words(line);
    if (words.size() < 3 || !is_capitalised(words.front())) {
        return false;
    }
    std::size_t content = 0;
    std::size_t capitalised = 0;
    for (std::string_view word : words) {
        const std::string key = text::fold_key(word);
        if (key.empty() || first_letter(word) == 0) {
            continue;  // punctuation, a dash
        }
        const bool cap = is_capitalised(word);
        if (!cap && is_minor_word(key)) {
            continue;
        }
        ++content;
        capitalised += cap ? 1 : 0;
    }
    return content >= 2 && capitalised * 5 >= content * 4;
}

/// "Read more: ...", "READ ALSO: ...", "Related: ...": a link introduced by its label.
bool is_labelled_link(std::string_view line, std::size_t word_count) {
    if (word_count > kMaxPrefixedLinkWords) {
        return false;
    }
    static constexpr std::array<std::string_view, 12> kLabels = {"read more",
                                                                 "read also",
                                                                 "also read",
                                                                 "related",
                                                                 "see also",
                                                                 "more",
                                                                 "recommended",
                                                                 "read next",
                                                                 "related story",
                                                                 "related article",
                                                                 "related news",
                                                                 "watch"};
    const std::string lower = lower_ascii(line);
    for (std::string_view label : kLabels) {
        if (!lower.starts_with(label)) {
            continue;
        }
        const std::string_view after = trim(std::string_view(lower).substr(label.size()));
        for (std::string_view mark :
             {":", "-", "|", ">", "\xC2\xBB", "\xE2\x80\x93", "\xE2\x80\x94"}) {
            if (after.starts_with(mark)) {
                return true;
            }
        }
    }
    return false;
}

/// "10. Manafort Notes ...", "No. 20 H-E-B", "Day 6: Border Security", "#3": a numbered list
/// item or subhead of the article itself.
bool starts_with_list_marker(std::string_view line) {
    const auto words = split_words(line.substr(0, std::min<std::size_t>(line.size(), 40)));
    auto numbered = [](std::string_view w) {
        if (w.starts_with('#') || w.starts_with("No.")) {
            return true;
        }
        std::size_t digits = 0;
        while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) {
            ++digits;
        }
        const std::string_view rest = w.substr(digits);
        return digits > 0 && (rest == "." || rest == ")" || rest == ":");
    };
    return !words.empty() && (numbered(words[0]) || (words.size() > 1 && numbered(words[1])));
}

/// A line that may be a link to another story, or a headline: in headline case, and not ending
/// like a sentence. Six words at least: shorter headline-case lines are subheads ("Anxiety in
/// Tehran") and list items ("Sen. Harry Reid"), which are the article's own text.
bool looks_like_headline(std::string_view line, std::size_t word_count) {
    return word_count >= kMinLinkWords && word_count <= kMaxLinkWords &&
           !ends_like_sentence(line) && !starts_with_list_marker(line) && is_headline_case(line);
}

// ---------------------------------------------------------------------------------------------
// Title derivation

/// Abbreviations whose dot does not end a sentence ("Gen. Syrskyi", "Jan. 19").
bool is_abbreviation(std::string_view word) {
    static constexpr std::array<std::string_view, 34> kAbbreviations = {
        "mr",  "mrs", "ms",  "dr",  "gen", "lt",  "col",  "sgt", "capt", "maj", "adm", "gov",
        "sen", "rep", "st",  "jan", "feb", "mar", "apr",  "jun", "jul",  "aug", "sep", "sept",
        "oct", "nov", "dec", "no",  "vol", "inc", "corp", "ltd", "jr",   "prof"};
    while (!word.empty() && !std::isalnum(static_cast<unsigned char>(word.front()))) {
        word.remove_prefix(1);
    }
    // Initials and dotted forms ("U.S", "J") are abbreviations too.
    if (word.size() <= 1 || word.find('.') != std::string_view::npos) {
        return true;
    }
    const std::string w = lower_ascii(word);
    return std::find(kAbbreviations.begin(), kAbbreviations.end(), w) != kAbbreviations.end();
}

/// @return the byte offsets where the sentences of a paragraph end, but for the last one: a
/// final mark (after any closing quote) followed by a capitalised word, and not an abbreviation.
std::vector<std::size_t> sentence_ends(std::string_view paragraph) {
    std::vector<std::size_t> ends;
    const auto words = split_words(paragraph);
    for (std::size_t i = 0; i + 1 < words.size(); ++i) {
        const std::string_view word = strip_closers(words[i]);
        const bool final_mark = word.ends_with('.') || word.ends_with('!') || word.ends_with('?');
        if (!final_mark || !is_capitalised(words[i + 1])) {
            continue;
        }
        if (word.ends_with('.') && is_abbreviation(word.substr(0, word.size() - 1))) {
            continue;
        }
        ends.push_back(static_cast<std::size_t>(words[i].data() - paragraph.data()) +
                       words[i].size());
    }
    return ends;
}

std::string_view first_sentence(std::string_view paragraph) {
    const auto ends = sentence_ends(paragraph);
    return ends.empty() ? paragraph : paragraph.substr(0, ends.front());
}

/// Cuts a sentence into a title of at most kMaxTitleBytes, at a word boundary.
std::string title_from_sentence(std::string_view sentence) {
    sentence = trim(sentence);
    if (sentence.ends_with('.') && !sentence.ends_with("..")) {
        sentence.remove_suffix(1);
    }
    if (sentence.size() <= kMaxTitleBytes) {
        return std::string(sentence);
    }
    static constexpr std::string_view kEllipsis = "\xE2\x80\xA6";
    std::string_view cut = sentence.substr(0, kMaxTitleBytes - kEllipsis.size() + 1);
    const auto space = cut.find_last_of(' ');
    cut =
        cut.substr(0, space == std::string_view::npos ? kMaxTitleBytes - kEllipsis.size() : space);
    while (!cut.empty() && std::ispunct(static_cast<unsigned char>(cut.back()))) {
        cut.remove_suffix(1);
    }
    return std::string(trim(cut)) + std::string(kEllipsis);
}

// ---------------------------------------------------------------------------------------------
// The cleaning passes

struct Line {
    std::string text;             ///< trimmed
    std::size_t words = 0;        ///< word count
    std::string_view rule;        ///< why it goes; empty while kept
    bool link_candidate = false;  ///< headline-case line: a story link if between paragraphs
    std::string glued_tail;       ///< a call to action cut from the end of a kept line
};

std::vector<Line> split_lines(std::string_view body) {
    std::vector<Line> lines;
    std::size_t start = 0;
    while (start <= body.size()) {
        auto end = body.find('\n', start);
        if (end == std::string_view::npos) {
            end = body.size();
        }
        const std::string_view text = trim(body.substr(start, end - start));
        if (!text.empty()) {
            lines.push_back({std::string(text), split_words(text).size(), {}, false, {}});
        }
        start = end + 1;
    }
    return lines;
}

class Cleaner {
  public:
    explicit Cleaner(Report report)
        : report_(std::move(report)), lines_(split_lines(report_.body)) {}

    CleanResult run() {
        for (auto& line : lines_) {
            line.rule = classify(line);
        }
        mark_repeated_headlines();
        mark_story_links();
        strip_glued_calls_to_action();
        return finish();
    }

  private:
    /// The title, and any headline-like line the page repeats, go wherever they stand. A
    /// repeated line of one to three words that is not in headline case is a speaker's name in
    /// a transcript or a list label, not a headline: it stays.
    void mark_repeated_headlines() {
        const std::string title_key = text::fold_key(report_.title);
        std::unordered_map<std::string, std::size_t> counts;
        std::vector<std::string> keys(lines_.size());
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (lines_[i].rule.empty() && lines_[i].words <= kMaxHeadlineWords) {
                keys[i] = text::fold_key(lines_[i].text);
                ++counts[keys[i]];
            }
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (keys[i].empty()) {
                continue;
            }
            const bool is_title = !title_key.empty() && keys[i] == title_key;
            const Line& line = lines_[i];
            const bool repeated = counts[keys[i]] > 1 && !ends_like_sentence(line.text) &&
                                  (line.words >= 4 || is_headline_case(line.text));
            if (is_title || repeated) {
                if (report_.title.empty()) {
                    report_.title = lines_[i].text;
                }
                lines_[i].rule = kRepeatedHeadline;
                lines_[i].link_candidate = false;
            }
        }
    }

    /// The context-free rules, most specific first.
    std::string_view classify(Line& line) {
        if (is_reading_time(line.text, line.words)) {
            return kReadingTime;
        }
        if (auto dateline = parse_dateline(line.text, line.words)) {
            adopt_date(dateline->published);
            return kDateline;
        }
        if (auto author = parse_byline(line.text, line.words)) {
            if (report_.author.empty()) {
                report_.author = *author;
            }
            return kByline;
        }
        if (is_labelled_link(line.text, line.words)) {
            return kStoryLink;
        }
        // A sentence with a call to action glued on is not a call to action: only its tail
        // goes (strip_glued_calls_to_action).
        if (is_call_to_action(line.text, line.words) &&
            is_call_to_action(first_sentence(line.text), line.words)) {
            return kCallToAction;
        }
        if (is_photo_caption(line.text, line.words)) {
            return kPhotoCaption;
        }
        line.link_candidate = looks_like_headline(line.text, line.words);
        return {};
    }

    void adopt_date(const std::optional<CalendarDate>& date) {
        if (!report_.date && date && is_plausible_publication_date(*date)) {
            report_.date = date;
        }
    }

    /// A headline-case line between two paragraphs links to another story. Before the first
    /// paragraph, with no title known, it is this story's headline. Many of them between the
    /// paragraphs are the article's own subheads: they stay.
    void mark_story_links() {
        auto is_paragraph = [](const Line& l) { return l.rule.empty() && !l.link_candidate; };
        const auto first_paragraph = std::find_if(lines_.begin(), lines_.end(), is_paragraph);
        const auto last_paragraph = std::find_if(lines_.rbegin(), lines_.rend(), is_paragraph);
        if (first_paragraph == lines_.end()) {
            return;  // nothing but candidates: keep them, they are the text
        }
        const auto first = static_cast<std::size_t>(first_paragraph - lines_.begin());
        const auto last = static_cast<std::size_t>(lines_.rend() - last_paragraph) - 1;
        std::size_t between = 0;
        for (std::size_t i = first; i < last; ++i) {
            between += lines_[i].link_candidate ? 1 : 0;
        }
        for (std::size_t i = 0; i < lines_.size(); ++i) {
            if (!lines_[i].link_candidate) {
                continue;
            }
            if (i > first && i < last && between <= kMaxLinksPerReport) {
                lines_[i].rule = kStoryLink;
            } else if (i < first && report_.title.empty()) {
                report_.title = lines_[i].text;
                lines_[i].rule = kHeadline;
            }
        }
    }

    /// "... the last sentence. Subscribe to our newsletter": a call to action glued on by the
    /// crawler goes, the sentences before it stay.
    void strip_glued_calls_to_action() {
        for (auto& line : lines_) {
            if (!line.rule.empty()) {
                continue;
            }
            const auto ends = sentence_ends(line.text);
            if (ends.empty()) {
                continue;
            }
            const std::string_view text = line.text;
            const std::string_view tail = trim(text.substr(ends.back()));
            if (is_call_to_action(tail, split_words(tail).size())) {
                line.glued_tail = tail;
                line.text = std::string(trim(text.substr(0, ends.back())));
            }
        }
    }

    CleanResult finish() {
        std::string body;
        for (const auto& line : lines_) {
            if (!line.glued_tail.empty()) {
                removed_.push_back({line.glued_tail, kCallToAction});
            }
            if (!line.rule.empty()) {
                removed_.push_back({line.text, line.rule});
                continue;
            }
            body += body.empty() ? "" : "\n";
            body += line.text;
        }
        report_.body = std::move(body);
        if (report_.title.empty() && !report_.body.empty()) {
            const std::string_view paragraph =
                std::string_view(report_.body).substr(0, report_.body.find('\n'));
            report_.title = title_from_sentence(first_sentence(paragraph));
            report_.title_derived = !report_.title.empty();
        }
        return CleanResult{std::move(report_), std::move(removed_)};
    }

    Report report_;
    std::vector<Line> lines_;
    std::vector<RemovedLine> removed_;
};

}  // namespace

CleanResult clean_report(Report report) {
    return Cleaner(std::move(report)).run();
}

}  // namespace gazette::indexer
