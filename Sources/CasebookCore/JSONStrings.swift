import Foundation

/// Rewrites every string value in a JSON document (not its keys): how erasure and subject access
/// reach free text in any record without listing every field.
enum JSONStrings {
    static func map(_ data: Data, _ transform: (String) -> String) throws -> (data: Data, changed: Bool) {
        let tree = try JSONSerialization.jsonObject(with: data)
        var changed = false
        func walk(_ value: Any) -> Any {
            switch value {
            case let text as String:
                let new = transform(text)
                if new != text { changed = true }
                return new
            case let array as [Any]: return array.map(walk)
            case let object as [String: Any]: return object.mapValues(walk)
            default: return value
            }
        }
        let result = walk(tree)
        let out = try JSONSerialization.data(withJSONObject: result, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
        return (out, changed)
    }
}
