import ArgumentParser
import CasebookCore

extension Role: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}
extension ContactKind: ExpressibleByArgument {}
extension Behaviour: ExpressibleByArgument {}
extension Category: ExpressibleByArgument {}
extension CheckItem: ExpressibleByArgument {}
extension RestrictionType: ExpressibleByArgument {}
extension LetterKind: ExpressibleByArgument {}
extension Appeal.Outcome: ExpressibleByArgument {}
extension OmbudsmanBody: ExpressibleByArgument {}
extension Review.Outcome: ExpressibleByArgument {}
extension CaseStage: ExpressibleByArgument {}

extension Session {
    func letterSubject(_ text: String) throws -> LetterSubject {
        switch AnyRecordID(text) {
        case .case(let id)?: return .case(try caseID(id.description))
        case .registerEntry(let id)?: return .registerEntry(try entryID(id.description))
        case .appeal(let id)?: return .appeal(try appealID(id.description))
        default: throw Failure.usage("'\(text)' is not a case (CASE-0001), register entry (REG-0001) or appeal (APL-0001) id.")
        }
    }

    func appealSubject(_ text: String) throws -> Appeal.Subject {
        switch AnyRecordID(text) {
        case .case(let id)?: return .case(try caseID(id.description))
        case .registerEntry(let id)?: return .registerEntry(try entryID(id.description))
        default: throw Failure.usage("'\(text)' is not a case (CASE-0001) or register entry (REG-0001) id.")
        }
    }

    func reviewSubject(_ text: String) throws -> ReviewSubject { try appealSubject(text) }
}
