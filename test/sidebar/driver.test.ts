// Driving a long pull: resumeJob back to back until it ends, stops when told, survives a failed
// call or two.

import { describe, expect, it } from "vitest";
import { driveJob, type JobSummary } from "../../src/sidebar/jobs/driver.js";

const running = (rows: number, jobId = "job-1"): JobSummary => ({
  status: "running",
  rows,
  requests: rows / 10,
  sheet: "Creators",
  jobId,
});
const done = (rows: number): JobSummary => ({
  status: "done",
  rows,
  requests: rows / 10,
  sheet: "Creators",
});

/** A resumeJob that answers the scripted summaries (or throws the scripted errors) in turn. */
function scripted(answers: (JobSummary | Error)[]) {
  const calls: string[] = [];
  const resume = async (jobId: string) => {
    calls.push(jobId);
    const answer = answers.shift();
    if (!answer) throw new Error("called once too often");
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { calls, resume };
}

describe("driveJob", () => {
  it("resumes until the job is done, reporting each step", async () => {
    const { calls, resume } = scripted([running(200), running(300), done(400)]);
    const progress: number[] = [];
    const outcome = await driveJob(running(100), {
      resume,
      onProgress: (s) => progress.push(s.rows),
      stopped: () => false,
    });
    expect(outcome).toEqual({ kind: "ended", summary: done(400) });
    expect(calls).toEqual(["job-1", "job-1", "job-1"]);
    expect(progress).toEqual([200, 300]);
  });

  it("ends at once when the first answer isn't running", async () => {
    const { calls, resume } = scripted([]);
    const failed: JobSummary = {
      status: "failed",
      rows: 0,
      requests: 1,
      sheet: "S",
      message: "bad key",
    };
    expect(await driveJob(failed, { resume, onProgress: () => {}, stopped: () => false })).toEqual({
      kind: "ended",
      summary: failed,
    });
    expect(calls).toEqual([]);
  });

  it("stops driving when the user stops, without another call", async () => {
    let stop = false;
    const { calls, resume } = scripted([running(200), running(300)]);
    const outcome = await driveJob(running(100), {
      resume,
      onProgress: () => {
        stop = true;
      },
      stopped: () => stop,
    });
    expect(outcome).toEqual({ kind: "stopped", summary: running(200) });
    expect(calls).toHaveLength(1);
  });

  it("retries a failed call, and gives up after too many in a row", async () => {
    const flaky = scripted([new Error("timeout"), running(200), new Error("a"), done(300)]);
    const outcome = await driveJob(running(100), {
      resume: flaky.resume,
      onProgress: () => {},
      stopped: () => false,
    });
    expect(outcome.kind).toBe("ended");

    const broken = scripted([new Error("a"), new Error("b"), new Error("c")]);
    const lost = await driveJob(running(100), {
      resume: broken.resume,
      onProgress: () => {},
      stopped: () => false,
    });
    expect(lost).toMatchObject({ kind: "lost", summary: running(100) });
    expect(lost.kind === "lost" && lost.error.message).toBe("c");
    expect(broken.calls).toHaveLength(3);
  });

  it("keeps the job's id when a summary comes without it", async () => {
    const { calls, resume } = scripted([{ ...running(200), jobId: undefined }, done(300)]);
    await driveJob(running(100), { resume, onProgress: () => {}, stopped: () => false });
    expect(calls).toEqual(["job-1", "job-1"]);
  });
});
