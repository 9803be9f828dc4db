"""Tests of the "Java (ecgkit)" kernel through a real Jupyter client.

Run by kernel/test.sh, which installs the kernelspec "ecgkit" (with the kit's classpath) into a private
JUPYTER_DATA_DIR first. Needs Debian's jupyter-client and python3-jupyter-kernel-test (/usr/bin/python3).
"""
import base64
import queue
import struct
import time
import unittest

import jupyter_kernel_test as jkt
from jupyter_client.manager import start_new_kernel

KERNEL = "ecgkit"
TIMEOUT = 30
# the kernel's default: an interrupted cell has this long to stop by itself before it is stopped forcibly
INTERRUPT_GRACE_S = 3.0


class ProtocolTests(jkt.KernelTests):
    """The standard conformance checks of jupyter_kernel_test."""

    kernel_name = KERNEL
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("something went wrong");'
    code_generate_error = 'throw new IllegalStateException("expected failure");'
    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": 'String greeting = "hi";\ngreeting + " there"', "result": "hi there"},
        {"code": "new int[] {1, 2, 3}", "result": "int[3] { 1, 2, 3 }"},
    ]
    code_display_data = [
        {"code": 'display("shown now");', "mime": "text/plain"},
        {"code": "display(new java.awt.image.BufferedImage(4, 3, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]
    completion_samples = [
        {"text": "Math.ma", "matches": {"max("}},
        {"text": "int total = 1;\nString s = Integer.toHex", "matches": {"toHexString("}},
    ]
    complete_code_samples = ["1 + 1", "int x = 1;", "void f() { }", "int y = 2"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "void g() {\n  int a = 1;", "Math.max(1,"]
    invalid_code_samples = ["int z = ;"]
    code_inspect_sample = "Math.max("


class KernelSession(unittest.TestCase):
    """One kernel for the whole class, with helpers that collect a cell's messages with arrival times."""

    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)
        # kernel_info is answered before JShell is ready; timings in the tests start from a ready kernel
        cls.kc.execute_interactive("", timeout=TIMEOUT)

    @classmethod
    def tearDownClass(cls):
        cls.kc.stop_channels()
        cls.km.shutdown_kernel()

    def execute(self, code, during=None, allow_stdin=False, timeout=TIMEOUT):
        """Runs a cell; returns (reply, [(seconds since request, iopub message)], seconds to reply).

        `during(elapsed_s, messages)` is called while waiting for the reply, e.g. to send an interrupt.
        """
        start = time.monotonic()
        msg_id = self.kc.execute(code, allow_stdin=allow_stdin)
        messages, reply, reply_time, idle = [], None, None, False
        while reply is None or not idle:
            if time.monotonic() - start > timeout:
                self.fail(f"no reply and idle status within {timeout} s for {code!r}")
            if during is not None and reply is None:
                during(time.monotonic() - start, messages)
            try:
                msg = self.kc.get_iopub_msg(timeout=0.05)
                if msg["parent_header"].get("msg_id") == msg_id:
                    messages.append((time.monotonic() - start, msg))
                    idle |= msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle"
            except queue.Empty:
                pass
            if reply is None:
                try:
                    candidate = self.kc.get_shell_msg(timeout=0.01)
                    if candidate["parent_header"].get("msg_id") == msg_id:
                        reply, reply_time = candidate, time.monotonic() - start
                except queue.Empty:
                    pass
        return reply, messages, reply_time

    @staticmethod
    def outputs(messages, msg_type):
        return [m["content"] for _, m in messages if m["msg_type"] == msg_type]

    def result(self, code):
        reply, messages, _ = self.execute(code)
        self.assertEqual(reply["content"]["status"], "ok", self.outputs(messages, "error"))
        results = self.outputs(messages, "execute_result")
        self.assertEqual(len(results), 1, f"one execute_result expected for {code!r}")
        return results[0]["data"]

    def error(self, code, **kwargs):
        reply, messages, reply_time = self.execute(code, **kwargs)
        self.assertEqual(reply["content"]["status"], "error")
        errors = self.outputs(messages, "error")
        self.assertEqual(len(errors), 1)
        self.assertEqual(errors[0]["ename"], reply["content"]["ename"])
        return errors[0], reply_time


def png_size(encoded):
    data = base64.b64decode(encoded)
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", data[16:24])


class DisplayTests(KernelSession):

    def test_short_table_shows_every_row_as_html_and_text(self):
        data = self.result('Table.create("beats", IntColumn.create("n", new int[] {7, 8, 9}), '
                           'StringColumn.create("label", new String[] {"N", "<AF>", "V"}))')
        html = data["text/html"]
        self.assertIn("beats: 3 rows × 2 columns", html)
        for value in ("<td>7</td>", "<td>8</td>", "<td>9</td>", "&lt;AF&gt;"):
            self.assertIn(value, html)
        self.assertNotIn("<AF>", html)
        self.assertIn("label", data["text/plain"])

    def test_long_table_shows_head_and_tail(self):
        data = self.result('Table.create("long", IntColumn.create("i", java.util.stream.IntStream.range(0, 1000).toArray()))')
        html = data["text/html"]
        self.assertIn("1,000 rows", html)
        self.assertIn("985 more rows", html)
        for shown in (0, 9, 995, 999):
            self.assertIn(f"<td>{shown}</td>", html)
        for hidden in (10, 500, 994):
            self.assertNotIn(f"<td>{hidden}</td>", html)

    def test_chart_renders_as_png_of_its_size(self):
        data = self.result('var chart = new XYChartBuilder().width(320).height(200).title("lead II").build();\n'
                           'chart.addSeries("mV", new double[] {0, 1, 2}, new double[] {0.1, 0.9, -0.2});\n'
                           'chart')
        self.assertEqual(png_size(data["image/png"]), (320, 200))
        self.assertIn("lead II", data["text/plain"])

    def test_buffered_image_renders_as_png(self):
        data = self.result("new java.awt.image.BufferedImage(40, 30, java.awt.image.BufferedImage.TYPE_INT_RGB)")
        self.assertEqual(png_size(data["image/png"]), (40, 30))

    def test_statements_and_null_show_nothing(self):
        for code in ("int unseen = 5;", "String nothing = null;\nnothing", 'System.out.print("");'):
            reply, messages, _ = self.execute(code)
            self.assertEqual(reply["content"]["status"], "ok")
            self.assertEqual(self.outputs(messages, "execute_result"), [], code)

    def test_updated_display_keeps_its_id(self):
        reply, messages, _ = self.execute('String id = display("epoch 1");\nupdateDisplay(id, "epoch 2");')
        self.assertEqual(reply["content"]["status"], "ok")
        shown = self.outputs(messages, "display_data")
        updated = self.outputs(messages, "update_display_data")
        self.assertEqual(shown[0]["data"]["text/plain"], "epoch 1")
        self.assertEqual(updated[0]["data"]["text/plain"], "epoch 2")
        self.assertEqual(shown[0]["transient"]["display_id"], updated[0]["transient"]["display_id"])


class ErrorTests(KernelSession):

    def test_compile_error_names_the_cell_line(self):
        error, _ = self.error("int a = 1;\nint b = 2;\nint c = a + missing;")
        self.assertEqual(error["ename"], "CompileError")
        self.assertIn("line 3", error["evalue"])
        text = "\n".join(error["traceback"])
        self.assertIn("cannot find symbol", text)
        self.assertIn("int c = a + missing;", text)
        self.assertIn("            ^^^^^^^", text)

    def test_exception_names_its_class_and_cell_lines(self):
        error, _ = self.error('void check(int v) {\n  if (v < 0) throw new IllegalArgumentException("negative: " + v);\n}\n'
                              "check(1);\ncheck(-4);")
        self.assertEqual(error["ename"], "IllegalArgumentException")
        self.assertEqual(error["evalue"], "negative: -4")
        self.assertEqual(error["traceback"][:3], ["java.lang.IllegalArgumentException: negative: -4",
                                                  "    at check (line 2)",
                                                  "    at line 5"])

    def test_frames_in_earlier_cells_name_the_cell(self):
        reply, _, _ = self.execute('int half(int v) { return 10 / v; }')
        count = reply["content"]["execution_count"]
        error, _ = self.error("half(0)")
        self.assertEqual(error["ename"], "ArithmeticException")
        self.assertIn(f"    at half (cell [{count}], line 1)", error["traceback"])

    def test_library_frames_are_shortened(self):
        error, _ = self.error("java.util.List.of(1, 2).stream().map(i -> 10 / (i - 1)).toList()")
        text = error["traceback"]
        self.assertIn("    at lambda (line 1)", text)
        self.assertTrue(any(line.startswith("    ... ") and line.endswith("more library frames") for line in text), text)
        self.assertLess(len(text), 12)

    def test_cause_is_shown(self):
        error, _ = self.error('throw new RuntimeException("outer", new java.io.IOException("disk full"));')
        self.assertIn("Caused by: java.io.IOException: disk full", error["traceback"])

    def test_cell_stops_at_first_error(self):
        error, _ = self.error('int before = 1;\nif (before == 1) throw new IllegalStateException("stop");\nint after = 2;')
        self.assertEqual(error["ename"], "IllegalStateException")
        self.assertEqual(self.result("before")["text/plain"], "1")
        error, _ = self.error("after")
        self.assertEqual(error["ename"], "CompileError")

    def test_value_that_cannot_be_shown_is_an_error_not_a_dead_kernel(self):
        for throwable in ("IllegalStateException", "StackOverflowError"):
            error, _ = self.error("new Object() { public String toString() { throw new %s(); } }" % throwable)
            self.assertEqual(error["ename"], throwable)
            self.assertEqual(self.result("1 + 1")["text/plain"], "2")

    def test_unfinished_cell_is_a_compile_error(self):
        error, _ = self.error("int ok = 1;\nfor (int i = 0; i < 3; i++) {\n  ok += i;")
        self.assertEqual(error["ename"], "CompileError")
        self.assertIn("line 2", error["evalue"])


class InterruptTests(KernelSession):

    @staticmethod
    def started_then(code):
        """One snippet that prints "started", then runs code: between snippets an interrupt ends the cell at once."""
        return '{\nSystem.out.println("started");\n' + code + "\n}"

    def interrupt_once_started(self, delay=0.3):
        """Sends one interrupt `delay` s after the cell printed "started"; records when (seconds since request)."""
        sent, started = [], []

        def during(elapsed, messages):
            if not started and any(m["msg_type"] == "stream" and "started" in m["content"]["text"] for _, m in messages):
                started.append(elapsed)
            if started and not sent and elapsed >= started[0] + delay:
                self.km.interrupt_kernel()
                sent.append(elapsed)
        return during, sent

    def assert_kernel_usable(self):
        self.assertEqual(self.result("40 + 2")["text/plain"], "42")

    def test_cooperative_loop_stops_after_its_current_step(self):
        during, sent = self.interrupt_once_started()
        error, reply_time = self.error(
            "int steps = 0;\n" + self.started_then(
                "while (!Thread.currentThread().isInterrupted()) {\n"
                "  long until = System.nanoTime() + 20_000_000L;\n"  # a 20 ms "batch" that cannot be cut short
                "  while (System.nanoTime() < until) { }\n"
                "  steps++;\n"
                "}\n"
                'System.out.println("stopped cleanly after " + steps + " steps");'),
            during=during)
        self.assertEqual(error["ename"], "Interrupted")
        self.assertIn("stopped after the interrupt", error["evalue"])
        self.assertLess(reply_time - sent[0], 1.0)
        self.assertGreater(int(self.result("steps")["text/plain"]), 0, "steps done before the interrupt stay")
        self.assert_kernel_usable()

    def test_sleep_is_interrupted_at_once(self):
        during, sent = self.interrupt_once_started()
        error, reply_time = self.error(self.started_then("Thread.sleep(60_000);"), during=during)
        self.assertEqual(error["ename"], "Interrupted")
        self.assertLess(reply_time - sent[0], 1.0)
        self.assert_kernel_usable()

    def test_loop_ignoring_interrupts_is_stopped_after_the_grace_period(self):
        during, sent = self.interrupt_once_started()
        error, reply_time = self.error("long spins = 0;\n" + self.started_then("while (true) { spins++; }"), during=during)
        self.assertEqual(error["ename"], "Interrupted")
        self.assertIn("stopped forcibly", error["evalue"])
        self.assertGreaterEqual(reply_time - sent[0], INTERRUPT_GRACE_S - 0.2)
        self.assertLess(reply_time - sent[0], INTERRUPT_GRACE_S + 2.0)
        self.assert_kernel_usable()

    def test_heartbeat_answers_while_a_cell_runs(self):
        interrupt, sent = self.interrupt_once_started(delay=1.0)
        beats = []

        def during(elapsed, messages):
            if not beats and any(m["msg_type"] == "stream" for _, m in messages):
                beats.append(self.kc.hb_channel.is_beating())
            interrupt(elapsed, messages)
        error, _ = self.error(self.started_then("Thread.sleep(60_000);"), during=during)
        self.assertEqual(beats, [True])
        self.assertEqual(error["ename"], "Interrupted")


class StreamTests(KernelSession):

    def test_output_arrives_while_the_cell_runs(self):
        reply, messages, reply_time = self.execute(
            'System.out.println("first line");\n'
            'System.out.print("no newline yet");\n'
            "Thread.sleep(1500);\n"
            'System.err.println("late");')
        self.assertEqual(reply["content"]["status"], "ok")
        streams = [(t, m["content"]) for t, m in messages if m["msg_type"] == "stream"]
        stdout = [(t, c["text"]) for t, c in streams if c["name"] == "stdout"]
        self.assertEqual("".join(text for _, text in stdout), "first line\nno newline yet")
        self.assertTrue(all(t < reply_time - 1.0 for t, _ in stdout), stdout)
        self.assertIn("late", "".join(c["text"] for _, c in streams if c["name"] == "stderr"))

    def read_input(self, code, answer):
        """Runs a cell that reads stdin and answers its input_request; returns (reply content, execute results)."""
        msg_id = self.kc.execute(code, allow_stdin=True)
        request = self.kc.get_stdin_msg(timeout=TIMEOUT)
        self.assertEqual(request["msg_type"], "input_request")
        self.kc.input(answer)
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"]["msg_id"] != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        results = []
        while True:
            msg = self.kc.get_iopub_msg(timeout=TIMEOUT)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                results.append(msg["content"]["data"]["text/plain"])
            if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return reply["content"], results

    def test_stdin_is_read_through_the_frontend(self):
        reply, results = self.read_input('var in = new java.util.Scanner(System.in);\n'
                                         'System.out.print("name? ");\n'
                                         '"hello " + in.nextLine()', "ECG")
        self.assertEqual(reply["status"], "ok")
        self.assertEqual(results, ["hello ECG"])

    def test_interrupt_while_waiting_for_input(self):
        msg_id = self.kc.execute("new java.util.Scanner(System.in).nextLine()", allow_stdin=True)
        self.assertEqual(self.kc.get_stdin_msg(timeout=TIMEOUT)["msg_type"], "input_request")
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"]["msg_id"] != msg_id:
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        self.assertEqual(reply["content"]["ename"], "Interrupted")
        reply, results = self.read_input('"again " + new java.util.Scanner(System.in).nextLine()', "fine")
        self.assertEqual(results, ["again fine"])

    def test_stdin_without_frontend_support_reads_end_of_input(self):
        self.assertEqual(self.result("System.in.read()")["text/plain"], "-1")


class CompletionTests(KernelSession):

    def test_completes_names_defined_in_earlier_cells(self):
        self.execute('String recordName = "100";')
        code = "int n = 1;\nrecordName.toUpp"
        reply = self.kc.complete(code, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply["matches"], ["toUpperCase("])
        self.assertEqual((reply["cursor_start"], reply["cursor_end"]), (code.index("toUpp"), len(code)))

    def test_cursor_positions_count_code_points(self):
        code = 'int n = "😀 ECG".length(); "😀 ECG".isEm'
        reply = self.kc.complete(code, reply=True, timeout=TIMEOUT)["content"]
        self.assertEqual(reply["matches"], ["isEmpty()"])
        self.assertEqual(reply["cursor_start"], len(code) - len("isEm"))


class LifecycleTests(unittest.TestCase):
    """Each test starts its own kernel, to see it end."""

    def setUp(self):
        self.km, self.kc = start_new_kernel(kernel_name=KERNEL, startup_timeout=TIMEOUT)

    def tearDown(self):
        self.kc.stop_channels()
        self.km.shutdown_kernel(now=True)

    def run_quietly(self, code):
        return self.kc.execute_interactive(code, timeout=TIMEOUT, output_hook=lambda msg: None)

    def assert_exits_by_itself(self, process):
        start = time.monotonic()
        while process.poll() is None and time.monotonic() - start < 10:
            time.sleep(0.05)
        self.assertEqual(process.poll(), 0, "the kernel should exit by itself with status 0")

    def test_shutdown_request_ends_the_process(self):
        self.assertEqual(self.run_quietly("1 + 1")["content"]["status"], "ok")
        process = self.km.provisioner.process
        reply = self.kc.shutdown(reply=True, timeout=TIMEOUT)
        self.assertEqual(reply["content"]["status"], "ok")
        self.assert_exits_by_itself(process)

    def test_shutdown_while_a_cell_runs(self):
        self.kc.execute("while (true) { }")
        time.sleep(1.0)
        process = self.km.provisioner.process
        self.kc.shutdown()
        self.assert_exits_by_itself(process)

    def test_threads_a_cell_started_do_not_keep_the_kernel_alive(self):
        self.run_quietly("new Thread(() -> { while (true) { try { Thread.sleep(100); } catch (InterruptedException e) { } } }).start();")
        process = self.km.provisioner.process
        self.kc.shutdown()
        self.assert_exits_by_itself(process)

    def test_interrupt_while_jshell_starts_ends_only_the_waiting_cell(self):
        msg_id = self.kc.execute("int early = 1;")
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        while reply["parent_header"]["msg_id"] != msg_id:  # kernel_info replies from the start-up wait
            reply = self.kc.get_shell_msg(timeout=TIMEOUT)
        # either JShell was ready before the interrupt came, or the waiting cell ended
        self.assertIn(reply["content"].get("ename", "ok"), ("ok", "Interrupted"))
        self.assertEqual(self.run_quietly("6 * 7")["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
