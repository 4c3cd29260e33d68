// Work that is heavy in one piece but need not happen at once (drawing a chart: ECharts lays out
// and paints a canvas in one call) runs one piece per task, in the order asked: a page of five
// charts then blocks the screen five times briefly instead of once for all of them.
type Job = () => void;

const queue: Job[] = [];
let scheduled = false;

function runNext(): void {
  scheduled = false;
  const job = queue.shift();
  if (queue.length > 0) schedule();
  job?.();
}

function schedule(): void {
  if (scheduled) return;
  scheduled = true;
  setTimeout(runNext, 0);
}

/** Runs `job` in a task of its own, after the jobs asked for before it; the returned function cancels it. */
export function inOwnTask(job: Job): () => void {
  queue.push(job);
  schedule();
  return () => {
    const at = queue.indexOf(job);
    if (at >= 0) queue.splice(at, 1);
  };
}
