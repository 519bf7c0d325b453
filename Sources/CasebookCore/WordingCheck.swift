/// 5.3.1: information on the register "must be factual in nature and avoid personalisation".
/// Finds words that read as emotive, as opinion or as personal remarks, so that the officer can
/// rephrase. It warns; it never refuses, because only a person can judge the wording.
public enum WordingCheck {
    static let emotive = [
        "nutter", "nutcase", "crazy", "mad", "madman", "psycho", "psychotic", "lunatic", "deranged", "unhinged", "insane",
        "evil", "nasty", "vile", "disgusting", "horrible", "horrid", "awful", "scum", "thug", "yob", "lout", "idiot",
        "moron", "stupid", "liar", "troublemaker", "vindictive", "hysterical", "pathetic", "creepy", "weirdo", "sly",
        "manipulative", "obsessive", "paranoid", "ranting", "raving", "menace", "monster", "animal", "dangerous individual",
    ]
    static let opinion = [
        "i think", "i feel", "i believe", "in my opinion", "in my view", "seems to", "appears to be", "probably",
        "obviously", "clearly", "typical", "always", "never", "everyone knows",
    ]
    static let personal = [
        "ugly", "fat", "smelly", "dirty", "scruffy", "drunk", "alcoholic", "junkie", "addict", "illegal", "foreigner",
        "mental", "schizo", "retarded", "simple",
    ]

    /// A phrase found, and why it may not belong on the register.
    public struct Concern: Equatable, Sendable {
        public let phrase: String
        public let reason: String
    }

    public static func concerns(in text: String) -> [Concern] {
        let words = text.lowercased().map { $0.isLetter || $0 == "'" ? $0 : " " }
        let normalised = " " + String(words).split(separator: " ").joined(separator: " ") + " "
        func found(_ list: [String], _ reason: String) -> [Concern] {
            list.filter { normalised.contains(" \($0) ") }.map { Concern(phrase: $0, reason: reason) }
        }
        return found(emotive, "emotive wording: describe what happened instead")
            + found(opinion, "opinion rather than fact: record what was seen or said")
            + found(personal, "a personal remark: keep to the behaviour and the risk")
    }

    public static func warnings(for text: String, field: String) -> [Warning] {
        concerns(in: text).map {
            Warning("\(field) contains \"\($0.phrase)\" — \($0.reason).", paragraph: "5.3.1")
        }
    }
}
