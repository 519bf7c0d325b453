/// Timescales the policy leaves to its supporting procedure (7.1). They set the due dates of
/// queue rows where the policy itself gives none; the policy's own deadlines (the 15 working days
/// of 6.1 and 6.2, six months and three years of 5.2.5, a year of 5.3.2) are not here.
public struct ProcedureTimescales: Equatable, Sendable {
    /// A proposal with its checks is decided within this many working days of being proposed.
    public var decisionWorkingDays: Int
    /// A register entry is approved or declined within this many working days of being proposed.
    public var registerApprovalWorkingDays: Int
    /// A letter the policy requires is sent within this many working days of the step it reports.
    public var letterWorkingDays: Int
    /// A customer's request for review (5.2.5) is answered within this many working days of receipt.
    public var reviewRequestWorkingDays: Int
    /// A contact filed under read-and-file is read and confirmed within this many working days.
    public var filedContactWorkingDays: Int

    public static let standard = ProcedureTimescales(decisionWorkingDays: 10, registerApprovalWorkingDays: 5,
                                                     letterWorkingDays: 5, reviewRequestWorkingDays: 15,
                                                     filedContactWorkingDays: 2)

    public init(decisionWorkingDays: Int, registerApprovalWorkingDays: Int, letterWorkingDays: Int,
                reviewRequestWorkingDays: Int, filedContactWorkingDays: Int) {
        self.decisionWorkingDays = decisionWorkingDays
        self.registerApprovalWorkingDays = registerApprovalWorkingDays
        self.letterWorkingDays = letterWorkingDays
        self.reviewRequestWorkingDays = reviewRequestWorkingDays
        self.filedContactWorkingDays = filedContactWorkingDays
    }
}
