package dev.setwise.sync;

import dev.setwise.domain.EntityType;
import dev.setwise.service.Cancellation;
import dev.setwise.service.Progress;
import dev.setwise.service.sync.PushItem;
import dev.setwise.service.sync.PushOutcome;
import java.util.ArrayList;
import java.util.List;

/**
 * One sending pass over the outbox, oldest entry first, a page at a time; what each entry came to
 * is recorded once per page (and when the pass stops for any reason), so memory stays flat and a
 * crash costs at most a page of requests sent again, which the server recognises.
 */
final class Pusher {

  /** The step name of the progress reports while sending. */
  static final String STEP = "Sending changes";

  private final PushRun run;
  private final int page;
  private final Progress progress;
  private final Cancellation cancellation;
  private final PlanSender plans;
  private final SessionSender sessions;

  Pusher(PushRun run, int page, Progress progress, Cancellation cancellation) {
    this.run = run;
    this.page = page;
    this.progress = progress;
    this.cancellation = cancellation;
    this.plans = new PlanSender(run);
    this.sessions = new SessionSender(run);
  }

  void run() {
    long total = run.outbox.size(run.profileId);
    long done = 0;
    long after = 0;
    progress.update(STEP, 0, total);
    while (true) {
      List<PushItem> items = run.outbox.next(run.profileId, after, page);
      if (items.isEmpty()) {
        return;
      }
      List<PushOutcome> outcomes = new ArrayList<>();
      try {
        for (PushItem item : items) {
          cancellation.check();
          after = item.entry().seq();
          outcomes.addAll(item.entry().type() == EntityType.PLAN ? plans.send(item) : sessions.send(item));
          done++;
          progress.update(STEP, done, Math.max(total, done));
        }
      } finally {
        run.outbox.record(run.profileId, outcomes);
      }
    }
  }
}
