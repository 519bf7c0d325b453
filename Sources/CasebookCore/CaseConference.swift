/// 5.1: a case conference for a complex case, called and chaired by a director.
public struct CaseConference: Equatable, Sendable, Codable {
    public let id: ConferenceID
    public let caseID: CaseID
    public let date: Day
    public let chair: Login
    public let calledBy: Login
    public let invitees: [Login]
    /// 5.1.2: the conference begins by receiving a summary of the open issues and the background,
    /// made when it meets (empty until then).
    public var summary: String
    /// 5.1.1: representatives the conference should normally include but did not invite.
    public let missingInvitees: [String]
    public var actions: [ConferenceAction]
    /// The day it met (its summary made then); nil while it is only called.
    public var met: Day?

    /// 5.1.2: open until it has met, agreed its actions and seen them all done.
    public var isClosed: Bool { met != nil && !actions.isEmpty && actions.allSatisfy { $0.done != nil } }

    /// Where it stands, in words.
    public var state: String {
        if met == nil { return "called for \(date.british); not yet met" }
        if actions.isEmpty { return "met \(met!.british); no actions agreed yet" }
        return isClosed ? "closed: every action done" : "open: \(openActions.count) of \(actions.count) actions to do"
    }

    public var openActions: [ConferenceAction] { actions.filter { $0.done == nil } }
}

/// 5.1.2: an action the conference agreed, and who will carry it out.
public struct ConferenceAction: Equatable, Sendable, Codable {
    public let number: Int
    public let owner: Login
    public let due: Day
    public let text: String
    public var done: Day?
}
