#include "searcher/english_spellings.hpp"

#include <algorithm>
#include <array>

namespace gazette::search {
namespace {

using std::string_view;

bool is_vowel(char c) {
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool has_vowel(string_view s) {
    return std::any_of(s.begin(), s.end(), is_vowel);
}

bool ends_with(string_view s, string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

template <std::size_t N>
bool contains(const std::array<string_view, N>& list, string_view word) {
    return std::find(list.begin(), list.end(), word) != list.end();
}

/// Where a word is a stem, a marker ("our", "is", ...) and a suffix from `suffixes`, calls
/// emit(stem, suffix) for each split.
template <std::size_t N, class Emit>
void for_each_split(string_view word,
                    string_view marker,
                    const std::array<string_view, N>& suffixes,
                    Emit emit) {
    for (const auto suffix : suffixes) {
        if (word.size() < marker.size() + suffix.size() || !ends_with(word, suffix)) {
            continue;
        }
        const string_view head = word.substr(0, word.size() - suffix.size());
        if (ends_with(head, marker)) {
            emit(head.substr(0, head.size() - marker.size()), suffix);
        }
    }
}

// -our (British) / -or (American): colour, honourable, favourite, behavioural, neighbourhood.
constexpr std::array<string_view, 21> kOurSuffixes = {
    "",     "s", "ed",  "ing",  "er",  "ers",  "ite",   "ites", "able", "ably", "ful",
    "less", "y", "ist", "ists", "ism", "hood", "hoods", "al",   "ally", "ship"};
// Words in -our that have no -or form, and -or words whose -our form is another word.
constexpr std::array<string_view, 11> kOurExceptions = {"flour",
                                                        "scour",
                                                        "amour",
                                                        "devour",
                                                        "contour",
                                                        "detour",
                                                        "velour",
                                                        "paramour",
                                                        "troubadour",
                                                        "tambour",
                                                        "pompadour"};

void our_or(string_view word, std::vector<std::string>& out) {
    for_each_split(word, "our", kOurSuffixes, [&](string_view stem, string_view suffix) {
        if (stem.size() >= 2 && !contains(kOurExceptions, std::string(stem) + "our")) {
            out.push_back(std::string(stem) + "or" + std::string(suffix));
        }
    });
    for_each_split(word, "or", kOurSuffixes, [&](string_view stem, string_view suffix) {
        // "floor" and "poor" are not "flour" and "pour": no -our after a vowel but i (savior).
        if (stem.size() >= 2 && (!is_vowel(stem.back()) || stem.back() == 'i') &&
            !contains(kOurExceptions, std::string(stem) + "our")) {
            out.push_back(std::string(stem) + "our" + std::string(suffix));
        }
    });
}

// -ise / -ize and -isation / -ization: organise, realising, privatisation, mobilised.
constexpr std::array<string_view, 9> kIseSuffixes = {
    "e", "es", "ed", "ing", "er", "ers", "ation", "ations", "ational"};
// Words in -ise that are never written -ize (stems of at least three letters only: shorter ones
// are left alone anyway).
constexpr std::array<string_view, 38> kIseOnly = {
    "advise",    "advertise", "chastise",  "circumcise", "comprise",    "compromise", "concise",
    "demise",    "despise",   "devise",    "disguise",   "enterprise",  "excise",     "exercise",
    "expertise", "franchise", "improvise", "incise",     "merchandise", "precise",    "premise",
    "promise",   "reprise",   "revise",    "supervise",  "surmise",     "surprise",   "televise",
    "treatise",  "otherwise", "likewise",  "clockwise",  "paradise",    "porpoise",   "tortoise",
    "appraise",  "uprise",    "sunrise"};

void ise_ize(string_view word, std::vector<std::string>& out) {
    for (const auto& [from, to] : {std::pair<string_view, string_view>{"is", "iz"}, {"iz", "is"}}) {
        for_each_split(
            word, from, kIseSuffixes, [&, to = to](string_view stem, string_view suffix) {
                if (stem.size() >= 3 && !contains(kIseOnly, std::string(stem) + "ise")) {
                    out.push_back(std::string(stem) + std::string(to) + std::string(suffix));
                }
            });
    }
    // -yse / -yze: analyse, paralysed, catalysing.
    constexpr std::array<string_view, 6> kYseSuffixes = {"e", "es", "ed", "ing", "er", "ers"};
    for (const auto& [from, to] :
         {std::pair<string_view, string_view>{"lys", "lyz"}, {"lyz", "lys"}}) {
        for_each_split(
            word, from, kYseSuffixes, [&, to = to](string_view stem, string_view suffix) {
                if (stem.size() >= 2) {
                    out.push_back(std::string(stem) + std::string(to) + std::string(suffix));
                }
            });
    }
}

// -tre / -ter on the roots that take both (centre, metre, theatre, fibre ...), wherever they end
// a word: epicentre, kilometres, amphitheatre. Other -er words (enter, letter, timber) never
// change, so this one goes by roots.
constexpr std::array<string_view, 17> kTreRoots = {"cent",
                                                   "met",
                                                   "lit",
                                                   "theat",
                                                   "fib",
                                                   "calib",
                                                   "sab",
                                                   "somb",
                                                   "meag",
                                                   "lust",
                                                   "spect",
                                                   "scept",
                                                   "sepulch",
                                                   "mit",
                                                   "tit",
                                                   "nit",
                                                   "goit"};

/// True when `head` may stand before a -tre root: anything before a long root (epicentre,
/// amphitheatre), only a metric prefix before a short one (kilometre, but not "perimetre").
bool may_precede(string_view head, string_view root) {
    static constexpr std::array<string_view, 7> kMetric = {
        "kilo", "centi", "milli", "micro", "nano", "deci", "mega"};
    return root.size() >= 4 || head.empty() || contains(kMetric, head);
}

void tre_ter(string_view word, std::vector<std::string>& out) {
    static constexpr std::array<std::pair<string_view, string_view>, 4> kEndings = {
        {{"re", "er"}, {"res", "ers"}, {"red", "ered"}, {"ring", "ering"}}};
    for (const auto root : kTreRoots) {
        for (const auto& [british, american] : kEndings) {
            for (const bool to_american : {true, false}) {
                const std::string from =
                    std::string(root) + std::string(to_american ? british : american);
                const std::string to =
                    std::string(root) + std::string(to_american ? american : british);
                if (!ends_with(word, from)) {
                    continue;
                }
                const string_view head = word.substr(0, word.size() - from.size());
                if (may_precede(head, root)) {
                    out.push_back(std::string(head) + to);
                }
            }
        }
    }
}

void ence_ense(string_view word, std::vector<std::string>& out) {
    // defence/defense, offence/offense (and defenceless), licence/license, pretence/pretense.
    static constexpr std::array<std::pair<string_view, string_view>, 6> kPairs = {
        {{"fence", "fense"},
         {"fences", "fenses"},
         {"fenceless", "fenseless"},
         {"licence", "license"},
         {"licences", "licenses"},
         {"pretence", "pretense"}}};
    for (const auto& [british, american] : kPairs) {
        const bool needs_prefix = british.substr(0, 5) == "fence";
        for (const bool to_american : {true, false}) {
            const string_view from = to_american ? british : american;
            const string_view to = to_american ? american : british;
            if (ends_with(word, from)) {
                const string_view head = word.substr(0, word.size() - from.size());
                if (!needs_prefix || head.size() >= 2) {
                    out.push_back(std::string(head) + std::string(to));
                }
            }
        }
    }
}

void ogue_og(string_view word, std::vector<std::string>& out) {
    // catalogue, dialogue, analogue, monologue, demagogue.
    for (const auto ending : {string_view("logue"), string_view("gogue")}) {
        for (const auto plural : {string_view(""), string_view("s")}) {
            const std::string british = std::string(ending) + std::string(plural);
            const std::string american =
                std::string(ending.substr(0, ending.size() - 2)) + std::string(plural);
            if (ends_with(word, british) && word.size() > british.size() + 2) {
                out.push_back(std::string(word.substr(0, word.size() - british.size())) + american);
            } else if (ends_with(word, american) && word.size() > american.size() + 2) {
                out.push_back(std::string(word.substr(0, word.size() - american.size())) + british);
            }
        }
    }
}

// Doubled l before a suffix: travelled/traveled, cancelling/canceling, counsellor/counselor,
// marvellous/marvelous. Only after a two-syllable stem (travel, not call), and not for the
// verbs stressed on the -el that double in American English too (compel, expel, rebel).
constexpr std::array<string_view, 9> kLlSuffixes = {
    "ed", "ing", "er", "ers", "or", "ors", "ous", "ation", "ations"};
constexpr std::array<string_view, 19> kLlStemsKept = {"compel",
                                                      "expel",
                                                      "propel",
                                                      "excel",
                                                      "rebel",
                                                      "repel",
                                                      "dispel",
                                                      "impel",
                                                      "instal",
                                                      "recal",
                                                      "befal",
                                                      "distil",
                                                      "fulfil",
                                                      "instil",
                                                      "enthral",
                                                      "appal",
                                                      "overal",
                                                      "uphil",
                                                      "windmil"};

void double_l(string_view word, std::vector<std::string>& out) {
    for (const auto suffix : kLlSuffixes) {
        if (!ends_with(word, suffix)) {
            continue;
        }
        const string_view head = word.substr(0, word.size() - suffix.size());
        const bool doubled = ends_with(head, "ll");
        const string_view single = doubled ? head.substr(0, head.size() - 1) : head;
        if (single.size() < 4 || single.back() != 'l') {
            continue;
        }
        // A vowel pair before the l is a long vowel (reveal, boil, sail): never doubled. After u
        // or i it is two syllables (fuel, dial): doubled like travel.
        const char vowel = single[single.size() - 2];
        const string_view before = single.substr(0, single.size() - 2);
        const char prior = before.empty() ? 'x' : before.back();
        if ((vowel != 'a' && vowel != 'e' && vowel != 'i') || !has_vowel(before) || prior == 'a' ||
            prior == 'e' || prior == 'o' || contains(kLlStemsKept, single)) {
            continue;
        }
        out.push_back(std::string(doubled ? single : std::string(single) + "l") +
                      std::string(suffix));
    }
}

void other_endings(string_view word, std::vector<std::string>& out) {
    // Replaced anywhere in the word: judgement/judgment, enrolment/enrollment, fulfilment.
    static constexpr std::array<std::pair<string_view, string_view>, 4> kInfixes = {
        {{"dgement", "dgment"},
         {"olment", "ollment"},
         {"ilment", "illment"},
         {"alment", "allment"}}};
    for (const auto& [british, american] : kInfixes) {
        for (const bool to_american : {true, false}) {
            const string_view from = to_american ? british : american;
            const string_view to = to_american ? american : british;
            if (const auto at = word.find(from); at != string_view::npos && at > 0) {
                out.push_back(std::string(word.substr(0, at)) + std::string(to) +
                              std::string(word.substr(at + from.size())));
            }
        }
    }
    // ae and oe at the start of a word: haemorrhage, anaemia, paediatric, oesophagus, foetus.
    static constexpr std::array<std::pair<string_view, string_view>, 11> kStarts = {
        {{"haem", "hem"},
         {"anaem", "anem"},
         {"leukaem", "leukem"},
         {"paed", "ped"},
         {"orthopaed", "orthoped"},
         {"encyclopaed", "encycloped"},
         {"oesoph", "esoph"},
         {"oestr", "estr"},
         {"foet", "fet"},
         {"mediaev", "mediev"},
         {"diarrhoe", "diarrhe"}}};
    for (const auto& [british, american] : kStarts) {
        for (const bool to_american : {true, false}) {
            const string_view from = to_american ? british : american;
            const string_view to = to_american ? american : british;
            if (word.size() > from.size() + 1 && word.substr(0, from.size()) == from) {
                out.push_back(std::string(to) + std::string(word.substr(from.size())));
            }
        }
    }
}

}  // namespace

std::vector<std::string> spelling_variants(std::string_view word) {
    std::vector<std::string> out;
    if (word.size() < 4) {
        return out;
    }
    our_or(word, out);
    ise_ize(word, out);
    tre_ter(word, out);
    ence_ense(word, out);
    ogue_og(word, out);
    double_l(word, out);
    other_endings(word, out);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    out.erase(std::remove(out.begin(), out.end(), std::string(word)), out.end());
    return out;
}

}  // namespace gazette::search
