/// 5.1: a case conference for a complex case, called and chaired by a director.
public struct CaseConference: Equatable, Sendable, Codable {
    public let id: ConferenceID
    public let caseID: CaseID
    public let date: Day
    public let chair: Login
    public let calledBy: Login
    public let invitees: [Login]
    /// 5.1.2: the conference begins by receiving a summary of the open issues and the background.
    public let summary: String
    /// 5.1.1: representatives the conference should normally include but did not invite.
    public let missingInvitees: [String]
    public var actions: [ConferenceAction]

    /// 5.1.2: closure; a conference closes when it has agreed actions and all are done.
    public var isClosed: Bool { !actions.isEmpty && actions.allSatisfy { $0.done != nil } }

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
