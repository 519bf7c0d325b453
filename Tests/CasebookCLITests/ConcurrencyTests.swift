import Foundation
import Testing

/// Several processes writing to one store at once, some killed mid-write.
@Suite(.serialized) struct ConcurrencyTests {
    /// Starts a shell loop of writers; each prints an id only after casebook acknowledged it.
    func startWriter(_ cli: CLI, name: String, count: Int, log: String) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", """
            i=0; while [ $i -lt \(count) ]; do
              id=$("$0" customer add --name "\(name) $i" --as ofarrell --today 2026-03-02) && echo "$id \(name) $i" >> "\(log)"
              i=$((i + 1))
            done
            """, CLI.binary]
        process.environment = cli.baseEnvironment()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func twoTerminalsWritingAtOnceSeeEachOther() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let log = scratch.path + "/acknowledged"
        let first = try startWriter(cli, name: "North", count: 15, log: log)
        let second = try startWriter(cli, name: "South", count: 15, log: log)
        first.waitUntilExit()
        second.waitUntilExit()
        let found = cli.ok(["find", "north"]) + "\n" + cli.ok(["find", "south"])
        #expect(found.split(separator: "\n").count == 30)
        let ids = try String(contentsOfFile: log, encoding: .utf8).split(separator: "\n").map { $0.split(separator: " ")[0] }
        #expect(Set(ids).count == 30, "every acknowledged id is distinct")
        #expect(cli.ok(["verify"]).contains("sound"))
    }

    @Test func writersKilledAtRandomLoseNothingAcknowledged() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let log = scratch.path + "/acknowledged"
        var random = SystemRandomNumberGenerator()
        for round in 0..<6 {
            let writers = try (0..<3).map { try startWriter(cli, name: "Round\(round)w\($0)", count: 40, log: log) }
            usleep(UInt32.random(in: 150_000...600_000, using: &random))
            for writer in writers {
                // Kill the shell and whatever casebook it is running, mid-write or not.
                kill(-writer.processIdentifier, SIGKILL)
                kill(writer.processIdentifier, SIGKILL)
            }
            system("pkill -KILL -f 'customer add --name Round\(round)' >/dev/null 2>&1")
            for writer in writers { writer.waitUntilExit() }
        }
        let acknowledged = ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n")
        #expect(!acknowledged.isEmpty)
        // Opening repairs any torn tail; then every acknowledged customer is there exactly once.
        let json = cli.ok(["find", "round", "--json"])
        let hits = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [[String: Any]]
        let byName = Dictionary(grouping: hits, by: { $0["title"] as! String })
        for line in acknowledged {
            let parts = line.split(separator: " ", maxSplits: 1)
            let (id, name) = (String(parts[0]), String(parts[1]))
            #expect(byName[name]?.count == 1, "\(name) acknowledged as \(id) appears \(byName[name]?.count ?? 0) times")
            #expect(byName[name]?.first?["id"] as? String == id)
        }
        let verify = cli.run(["verify"])
        #expect(verify.status == 0, "\(verify.err)")
        // Sequence numbers have no gap: verify checks contiguity; ids are contiguous too.
        let numbers = hits.compactMap { ($0["id"] as? String).flatMap { Int($0.dropFirst(5)) } }.sorted()
        #expect(numbers == Array(1...numbers.count))
    }

    @Test func aStoppedLockHolderMakesOthersTimeOutClearly() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        // Another process takes the store's OFD lock (F_OFD_SETLK = 37), writes who it is, and is stopped.
        let holder = Process()
        holder.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        holder.arguments = ["python3", "-c", """
            import fcntl, os, struct, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR)
            fcntl.fcntl(fd, 37, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))
            os.ftruncate(fd, 0); os.pwrite(fd, b'pnowak@casebook-host pid %d\\n' % os.getpid(), 0)
            print('locked', flush=True)
            time.sleep(60)
            """, scratch.path + "/store/lock"]
        let ready = Pipe()
        holder.standardOutput = ready
        try holder.run()
        _ = ready.fileHandleForReading.availableData  // "locked"
        kill(holder.processIdentifier, SIGSTOP)
        defer {
            kill(holder.processIdentifier, SIGKILL)
            kill(holder.processIdentifier, SIGCONT)
            holder.waitUntilExit()
        }
        var quick = cli
        quick.environment["CASEBOOK_LOCK_TIMEOUT"] = "0.5"
        let result = quick.run(["customer", "add", "--name", "Blocked"], as: "ofarrell")
        #expect(result.status == 3)
        #expect(result.err.contains("pnowak@casebook-host pid \(holder.processIdentifier)"))
        #expect(result.err.contains("busy"))
        // Reading is not blocked by a writer.
        #expect(quick.run(["queue"]).status == 0)
    }
}
