extension ProduceStateMachine {
    /// What the driver does after an event, in this order: hand ``results`` over (under the
    /// lock, so batches keep the order records were settled in), then, outside the lock,
    /// resume senders, wake lane writers, end bodies, stop readers, resume ``ProduceEngine/finish()``
    /// and end the results.
    struct Effects {
        /// Records settled, in the order they were settled.
        var results: [ProduceResult] = []
        /// Waiting senders to resume: `nil` when their record was accepted, else the error
        /// their ``StreamingProducer/send(_:)`` throws.
        var senders: [(id: Int, error: (any Error)?)] = []
        /// Lanes whose parked writers have something to do.
        var lanes: [Int] = []
        /// Streams whose request bodies end: nothing more is written to them.
        var bodiesToFinish: [ProduceStreamID] = []
        /// Streams no longer read: their readers and watchdogs stop.
        var streamsToAbandon: [ProduceStreamID] = []
        /// Every accepted record is reported: ``ProduceEngine/finish()`` may go on.
        var drained = false
        /// The lane writers stop.
        var stopsLanes = false
        /// The results end, after ``results``; with the unrecoverable error, if there was one.
        var endsResults = false
        /// Records resent.
        var resends = 0
        /// Streams moved away from after a 408.
        var rotations = 0

        /// Whether there is nothing to do.
        var isEmpty: Bool {
            results.isEmpty && senders.isEmpty && lanes.isEmpty && bodiesToFinish.isEmpty
                && streamsToAbandon.isEmpty && !drained && !stopsLanes && !endsResults && resends == 0
                && rotations == 0
        }
    }

    /// What became of a record offered to the producer.
    enum Offer {
        /// Accepted: it will be reported.
        case accepted(Effects)
        /// Not accepted: the producer is cancelled, finished or failed.
        case refused(any Error)
        /// The window is full: the record waits as sender `id` until resumed through
        /// ``Effects/senders``.
        case waiting(id: Int)
    }

    /// What a lane's writer does next.
    enum LaneStep: Equatable {
        /// Nothing more will come: the writer ends.
        case exit
        /// Nothing to do now: wait to be woken (``Effects/lanes``).
        case wait
        /// Wait this long, then ask again (backoff, pacing).
        case sleep(Duration)
        /// Open a stream, then report ``ProduceStateMachine/streamOpened(lane:now:)`` or
        /// ``ProduceStateMachine/openFailed(lane:error:now:)``.
        case open
        /// Write queued records to this stream with ``ProduceStateMachine/write(lane:into:now:)``.
        case write(ProduceStreamID)
    }
}
