import Foundation
import Testing

/// Several processes writing to one store at once, some killed mid-write.
@Suite(.serialized) struct ConcurrencyTests {
    /// Starts a shell loop of writers, in a process group of its own; each prints an id only after
    /// casebook acknowledged it.
    func startWriter(_ cli: CLI, name: String, count: Int, log: String) -> pid_t {
        Spawn.start("/bin/sh", ["-c", """
            i=0; while [ $i -lt \(count) ]; do
              id=$("$0" customer add --name "\(name) $i" --as ofarrell --today 2026-03-02) && echo "$id \(name) $i" >> "\(log)"
              i=$((i + 1))
            done
            """, CLI.binary], environment: cli.baseEnvironment(), newGroup: true)
    }

    @Test func twoTerminalsWritingAtOnceSeeEachOther() throws {
        let scratch = Scratch()
        let cli = staffedStore(scratch)
        let log = scratch.path + "/acknowledged"
        let first = startWriter(cli, name: "North", count: 15, log: log)
        let second = startWriter(cli, name: "South", count: 15, log: log)
        #expect(Spawn.wait(first) == 0)
        #expect(Spawn.wait(second) == 0)
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
        // The kill times come from a seed, printed so that a failing run can be repeated.
        let seed = ProcessInfo.processInfo.environment["CASEBOOK_KILL_SEED"].flatMap { UInt64($0) } ?? 20_261_201
        print("ConcurrencyTests kill seed \(seed) (repeat with CASEBOOK_KILL_SEED=\(seed))")
        var random = LineFuzzer(state: seed)
        for round in 0..<6 {
            let writers = (0..<3).map { startWriter(cli, name: "Round\(round)w\($0)", count: 40, log: log) }
            usleep(UInt32(150_000 + random.below(450_001)))
            // Kill each shell and whatever casebook it is running, mid-write or not.
            for writer in writers { kill(-writer, SIGKILL) }
            for writer in writers { Spawn.wait(writer) }
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
        let ready = scratch.path + "/ready"
        let holder = Spawn.start("/usr/bin/env", ["python3", "-c", """
            import fcntl, os, struct, sys, time
            fd = os.open(sys.argv[1], os.O_RDWR)
            fcntl.fcntl(fd, 37, struct.pack('hhqqi', fcntl.F_WRLCK, 0, 0, 0, 0))
            os.ftruncate(fd, 0); os.pwrite(fd, b'pnowak@casebook-host pid %d\\n' % os.getpid(), 0)
            open(sys.argv[2], 'w').close()
            time.sleep(60)
            """, scratch.path + "/store/lock", ready], environment: ProcessInfo.processInfo.environment)
        let deadline = Date().addingTimeInterval(10)
        while !FileManager.default.fileExists(atPath: ready), Date() < deadline { usleep(20_000) }
        kill(holder, SIGSTOP)
        defer {
            kill(holder, SIGKILL)
            Spawn.wait(holder)
        }
        var quick = cli
        quick.environment["CASEBOOK_LOCK_TIMEOUT"] = "0.5"
        let result = quick.run(["customer", "add", "--name", "Blocked"], as: "ofarrell")
        #expect(result.status == 3)
        #expect(result.err.contains("pnowak@casebook-host pid \(holder)"))
        #expect(result.err.contains("busy"))
        // Reading is not blocked by a writer.
        #expect(quick.run(["queue"]).status == 0)
    }
}
