/// People named in free text who are not on the register as customers: "Mrs Patel", "Liam
/// Murphy", "Dr Okoye". A subject access export keeps them out (UK GDPR Art 15(4); DPA 2018 Sch 2
/// para 16) unless an officer decides to disclose one. Found as a title followed by a capitalised
/// word, or a common given name followed by a capitalised word — candidates for a person to check,
/// listed by the export's preview. Linear in the text.
public struct ThirdParties: Sendable {
    /// Names that are not third parties here: the person's own words, the staff's names.
    let own: Set<String>
    let staff: Set<[String]>

    public init(person: Customer, staff: [StaffMember]) {
        own = Set(Mentions.words(person.name))
        self.staff = Set(staff.map { Mentions.words($0.name) })
    }

    static let titles: Set<String> = ["mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lady", "lord", "cllr", "councillor"]

    /// Common given names in England's registers, folded; a name followed by a capitalised word is a candidate.
    static let givenNames: Set<String> = Set("""
        aaliyah aaron abdul abigail adam adrian ahmed aidan aisha alan albert alex alexander alfie ali alice alison amanda \
        amber amelia amir amy andrew angela anna anne anthony archie arthur ava barbara ben benjamin beth bethany bilal \
        brian callum carl carol caroline charles charlie charlotte chloe chris christine christopher claire colin connor \
        craig daniel danielle darren david dawn dean deborah denise dennis derek diane dylan edward eleanor elizabeth \
        ella ellie emily emma eric ethan eve evie fatima finley florence frances freddie freya gary gavin george georgia \
        gillian grace graham hannah harriet harrison harry harvey hassan heather helen henry holly ian imran isaac isabella \
        isla jack jackson jacob jade james jamie jane janet jason jasmine jayden jean jennifer jessica joan joanne john \
        jonathan joseph joshua julie karen kate katherine kathleen kayleigh keith kelly kevin khadija kieran kyle laura \
        lauren layla leah lee leo lewis liam lily lisa logan louise lucy luke lydia maisie margaret maria mark martin mary \
        mason matthew megan melissa mia michael michelle mohammed mohammad muhammad molly naomi natalie nathan neil \
        nicholas nicola noah oliver olivia omar oscar owen patricia paul pauline peter philip phoebe poppy rachel rebecca \
        reece richard robert rose ruby ryan sadia samantha samuel sandra sarah scott sean sharon shaun sophie stephen \
        steven stuart susan teresa thomas tina toby tom tommy tracey tyler usman victoria wayne william yasmin yusuf zain \
        zara zoe
        """.split(whereSeparator: \.isWhitespace).map(String.init))

    /// The candidate third-party names in `text`, earliest first.
    public func candidates(in text: String) -> [Range<String.Index>] {
        let spans = Mentions.spans(text)
        var found: [Range<String.Index>] = []
        var index = 0
        while index + 1 < spans.count {
            let word = spans[index], next = spans[index + 1]
            let adjacent = text[word.range.upperBound..<next.range.lowerBound].allSatisfy { $0 == " " || $0 == "." }
            guard adjacent, Self.isCapitalised(text[next.range]) else { index += 1; continue }
            let titled = Self.titles.contains(word.folded) && Self.isCapitalised(text[word.range])
            let named = Self.givenNames.contains(word.folded) && Self.isCapitalised(text[word.range])
            guard titled || named else { index += 1; continue }
            // A surname of two words ("Mrs Al Sayed", "Liam O Brien") runs on while capitalised.
            var end = index + 1
            if end + 1 < spans.count, Self.isCapitalised(text[spans[end + 1].range]),
               text[spans[end].range.upperBound..<spans[end + 1].range.lowerBound] == " ",
               !Self.givenNames.contains(spans[end + 1].folded) { end += 1 }
            let words = spans[index...end].map(\.folded)
            let nameWords = titled ? Array(words.dropFirst()) : words
            let isOwn = nameWords.allSatisfy { own.contains($0) }
            let isStaff = staff.contains { member in nameWords.allSatisfy(member.contains) }
            if !isOwn, !isStaff { found.append(word.range.lowerBound..<spans[end].range.upperBound) }
            index = end + 1
        }
        return found
    }

    static func isCapitalised(_ word: Substring) -> Bool { word.first?.isUppercase == true }
}
