#include "common/report.hpp"

namespace gazette {

std::string InputProblem::to_string() const {
    std::string text = source;
    if (line > 0) {
        text += ":" + std::to_string(line);
    }
    text += ": " + message;
    if (!action.empty()) {
        text += "; " + action;
    }
    return text;
}

std::string_view entity_type_name(EntityType type) {
    switch (type) {
        case EntityType::Person:
            return "person";
        case EntityType::Organisation:
            return "org";
        case EntityType::Place:
            return "place";
    }
    return "person";
}

}  // namespace gazette
