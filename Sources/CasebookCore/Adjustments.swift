/// Reasonable adjustments (Equality Act 2010 s20; LGSCO guidance, parts 4 and 6): what a customer
/// needs for the council to communicate with them, as recorded on their record. A restriction that
/// would take away the very means an adjustment says they need is flagged wherever it is made.
public enum Adjustments {
    /// What a recorded adjustment says the customer cannot use, and the words that say it.
    static let needs: [(cannot: String, signs: [String])] = [
        ("the telephone", ["deaf", "bsl", "british sign language", "hard of hearing", "hearing impair", "cannot use the telephone",
                           "can't use the telephone", "cannot use the phone", "no phone", "no telephone", "text relay", "no calls"]),
        ("written letters or email", ["blind", "visually impaired", "visual impairment", "cannot read", "can't read", "braille",
                                      "screen reader", "dyslexi", "phone only", "telephone only", "cannot write"]),
        ("anything but face to face", ["face to face only", "face-to-face only", "in person only", "needs an advocate present",
                                       "learning disab", "cannot use email", "no internet", "no email"]),
    ]

    /// The ways a restriction of `type` with `details` leaves the customer to contact the council.
    static func leaves(_ type: RestrictionType, details: String) -> Set<String> {
        let text = " " + Search.fold(details) + " "
        switch type {
        case .singleChannel, .namedOfficer:
            let phone = [" phone ", " telephone ", " call ", " calls "].contains(where: text.contains)
            let written = [" email ", " e mail ", " letter ", " letters ", " writing ", " written ", " post "].contains(where: text.contains)
            if phone && !written { return ["the telephone"] }
            if written && !phone { return ["written letters or email"] }
            return []
        case .noFaceToFace:
            return ["anything but face to face"]
        default:
            return []
        }
    }

    /// Why `type` (with `details`) conflicts with the customer's recorded `adjustments`; nil when it does not.
    public static func conflict(_ type: RestrictionType, details: String, with adjustments: String?) -> String? {
        guard let adjustments, !adjustments.trimmed.isEmpty else { return nil }
        let recorded = Search.fold(adjustments)
        let only = leaves(type, details: details)
        for need in needs where only.contains(need.cannot) {
            if let sign = need.signs.first(where: { recorded.contains(Search.fold($0)) }) {
                switch need.cannot {
                case "anything but face to face":
                    return "This restriction takes away face-to-face contact, but the customer's recorded adjustments "
                        + "(\"\(adjustments.trimmed)\") say they need it (\(sign))."
                default:
                    return "This restriction leaves the customer only \(need.cannot), which their recorded adjustments "
                        + "(\"\(adjustments.trimmed)\") say they cannot use (\(sign))."
                }
            }
        }
        return nil
    }
}
