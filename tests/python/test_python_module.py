"""The maple Python module against the C++ API's predictions (tests/capi/make_capi_fixture.cpp)."""
import math
import os
import sys
import tempfile
import unittest

import numpy as np

import maple

FIXTURE = sys.argv.pop(1)
POOL = os.path.join(FIXTURE, "pool.maplepred")
FBNET_POOL = os.path.join(FIXTURE, "fbnet-pool.maplepred")
DESCRIPTOR = os.path.join(FIXTURE, "descriptor.json")
ARCH = "|nor_conv_3x3~0|+|nor_conv_3x3~0|avg_pool_3x3~1|+|skip_connect~0|nor_conv_3x3~1|skip_connect~2|"


def expected():
    with open(os.path.join(FIXTURE, "expected.txt")) as f:
        rows = [line.split() for line in f]
    return np.array([int(r[0]) for r in rows]), np.array([float(r[1]) for r in rows])


def fbnet_expected():
    """FBNet strings and the C++ API's predictions for them on the unseen device."""
    with open(os.path.join(FIXTURE, "fbnet-expected.txt")) as f:
        rows = [line.split() for line in f]
    return [r[0] for r in rows], np.array([float(r[1]) for r in rows])


class PythonModule(unittest.TestCase):
    def setUp(self):
        self.pool = maple.Predictor(POOL)
        self.bound = self.pool.adapt([], [], descriptor=DESCRIPTOR, device="unseen")

    def test_header(self):
        self.assertEqual(self.pool.descriptor_kind, "specs")
        self.assertEqual(self.pool.device, "")
        self.assertEqual(len(self.pool.training_devices), 4)
        self.assertEqual(self.pool.info["search_space"], "nb201")
        self.assertEqual(self.bound.device, "unseen")

    def test_pool_trained_predictor_must_be_adapted_first(self):
        with self.assertRaises(ValueError):
            self.pool.predict([ARCH])

    def test_predictions_match_the_cpp_api(self):
        codes, ms = expected()
        got = self.bound.predict(codes)
        self.assertIsInstance(got, np.ndarray)
        self.assertEqual(got.dtype, np.float64)
        np.testing.assert_allclose(got, ms, rtol=1e-12)

    def test_strings_codes_and_lists_agree(self):
        code = maple.arch_code(ARCH)
        self.assertEqual(maple.arch_string(code), ARCH)
        a = self.bound.predict([ARCH])
        b = self.bound.predict(np.array([code]))
        c = self.bound.predict([code])
        d = self.bound.predict(ARCH)
        self.assertEqual(a.shape, (1,))
        self.assertEqual(a[0], b[0])
        self.assertEqual(a[0], c[0])
        self.assertEqual(a[0], d[0])

    def test_predict_all_is_the_space_in_code_order(self):
        everything = self.bound.predict_all()
        self.assertEqual(everything.shape, (maple.SPACE_SIZE,))
        codes, ms = expected()
        np.testing.assert_allclose(everything[codes], ms, rtol=1e-12)

    def test_spread_is_per_prediction_or_refused_by_name(self):
        try:
            s = self.bound.spread([ARCH, maple.arch_string(0)])
        except ValueError as e:
            self.assertIn(self.bound.method, str(e))
            return
        self.assertEqual(s.shape, (2,))
        self.assertTrue(np.all(np.isfinite(s)) and np.all(s >= 0), s)

    def test_adapting_with_shots_moves_predictions_towards_them(self):
        codes = np.arange(0, maple.SPACE_SIZE, 997)
        zero_shot = self.bound.predict(codes)
        measured = zero_shot * 1.8  # the device is uniformly slower than the descriptor suggests
        adapted = self.pool.adapt(codes, measured, descriptor=DESCRIPTOR, device="unseen")
        err_before = np.abs(np.log(zero_shot / measured)).mean()
        err_after = np.abs(np.log(adapted.predict(codes) / measured)).mean()
        self.assertLess(err_after, err_before)
        with self.assertRaises(ValueError):  # adapted already
            adapted.adapt(codes, measured, descriptor=DESCRIPTOR)

    def test_save_round_trips_and_never_replaces_silently(self):
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "unseen.maplepred")
            self.bound.save(path)
            again = maple.Predictor(path)
            self.assertEqual(again.device, "unseen")
            np.testing.assert_array_equal(again.predict_all(), self.bound.predict_all())
            with self.assertRaises(ValueError):
                self.bound.save(path)
            self.bound.save(path, overwrite=True)

    def test_bad_input_says_why(self):
        with self.assertRaises(OSError):
            maple.Predictor("/nonexistent/x.maplepred")
        with tempfile.NamedTemporaryFile(suffix=".maplepred") as f:
            f.write(b"not a predictor at all" * 4)
            f.flush()
            with self.assertRaises(ValueError) as cm:
                maple.Predictor(f.name)
            self.assertIn(f.name, str(cm.exception))
        with self.assertRaises(ValueError) as cm:
            self.bound.predict(["|bogus~0|"])
        self.assertIn("architecture 0", str(cm.exception))
        with self.assertRaises(ValueError):
            self.bound.predict(np.array([maple.SPACE_SIZE]))
        with self.assertRaises(ValueError):
            self.pool.adapt([ARCH], [1.0, 2.0], descriptor=DESCRIPTOR)
        with self.assertRaises(ValueError):  # a specs predictor cannot build its descriptor from shots
            self.pool.adapt([ARCH], [1.0])

    def test_nb201_indices_through_the_file_index_table(self):
        self.assertIsNone(self.pool.index_table)
        with self.assertRaisesRegex(ValueError, "no NAS-Bench-201 index table"):
            self.pool.codes_of_indices([0])
        indexed = maple.Predictor(os.path.join(FIXTURE, "indexed.maplepred"))
        self.assertEqual(indexed.index_table.shape, (maple.SPACE_SIZE,))
        np.testing.assert_array_equal(indexed.codes_of_indices([0, 1, 15624]), [3, 10, (7 * 15624 + 3) % maple.SPACE_SIZE])
        with self.assertRaisesRegex(ValueError, "outside"):
            indexed.codes_of_indices([maple.SPACE_SIZE])
        # An adapted predictor keeps the table of the file it came from.
        bound = indexed.adapt([], [], descriptor=DESCRIPTOR, device="unseen")
        np.testing.assert_array_equal(bound.index_table, indexed.index_table)
        np.testing.assert_allclose(bound.predict(bound.codes_of_indices([5])), self.bound.predict([38]), rtol=1e-12)

    def test_macs_and_params(self):
        none = "|none~0|+|none~0|none~1|+|none~0|none~1|none~2|"
        conv1 = "|nor_conv_1x1~0|+|none~0|none~1|+|none~0|none~1|none~2|"
        conv3 = "|nor_conv_3x3~0|+|none~0|none~1|+|none~0|none~1|none~2|"
        m = maple.macs([none, conv1, conv3])
        p = maple.params([none, conv1, conv3])
        # One live edge node0->node1 that dies (node 1 does not reach the output): no extra cost.
        self.assertEqual(m[0], m[1])
        self.assertEqual(p[0], p[2])
        full1 = "|none~0|+|none~0|none~1|+|nor_conv_1x1~0|none~1|none~2|"
        full3 = "|none~0|+|none~0|none~1|+|nor_conv_3x3~0|none~1|none~2|"
        m1, m3 = maple.macs([full1, full3]) - m[0]
        p1, p3 = maple.params([full1, full3]) - p[0]
        # A live conv on the cell's input to its output: 3x3 costs 9 times the 1x1's weights and MACs.
        self.assertAlmostEqual(m3 / m1, 9.0)
        # Weights of 15 cells' convs (16, 32, 64 channels, 5 cells each) plus their BN (2 per channel).
        bn = 5 * 2 * (16 + 32 + 64)
        self.assertEqual(p1, 5 * (16 * 16 + 32 * 32 + 64 * 64) + bn)
        self.assertEqual(p3, 5 * 9 * (16 * 16 + 32 * 32 + 64 * 64) + bn)
        self.assertTrue(math.isfinite(m[2]))


class SearchSpaces(unittest.TestCase):
    """The search-space calls, and an FBNet predictor file next to the NAS-Bench-201 one."""

    def setUp(self):
        self.fbnet = maple.Predictor(FBNET_POOL)
        self.fbnet_bound = self.fbnet.adapt([], [], descriptor=DESCRIPTOR, device="unseen")
        self.nb201_bound = maple.Predictor(POOL).adapt([], [], descriptor=DESCRIPTOR, device="unseen")
        self.strings, self.ms = fbnet_expected()

    def test_spaces_and_their_reference_architectures(self):
        self.assertEqual(maple.SEARCH_SPACES, ["nb201", "fbnet"])
        for space in maple.SEARCH_SPACES:
            refs = maple.reference_archs(space)
            self.assertEqual(len(refs), 10, space)
            self.assertEqual(len(set(refs)), 10, space)
            self.assertEqual([maple.canonical(space, r) for r in refs], refs)  # already canonical
        self.assertEqual(sorted(maple.reference_archs("nb201")), sorted(maple.REFERENCE_ARCHS.values()))
        with self.assertRaisesRegex(ValueError, "unknown search space 'ofa'.*nb201, fbnet"):
            maple.reference_archs("ofa")

    def test_canonical_names_the_bad_token(self):
        fbnet_arch = self.strings[0]
        self.assertEqual(maple.canonical("fbnet", fbnet_arch), fbnet_arch)
        with self.assertRaisesRegex(ValueError, "bogus"):
            maple.canonical("fbnet", fbnet_arch.replace(fbnet_arch.split("-")[0], "bogus", 1))
        with self.assertRaises(ValueError):  # an FBNet string is no NAS-Bench-201 cell
            maple.canonical("nb201", fbnet_arch)
        with self.assertRaisesRegex(ValueError, "unknown search space"):
            maple.canonical("ofa", ARCH)

    def test_the_file_records_its_space(self):
        self.assertEqual(self.fbnet.search_space, "fbnet")
        self.assertEqual(self.nb201_bound.search_space, "nb201")
        info = self.fbnet.info
        self.assertEqual(info["search_space"], "fbnet")
        self.assertEqual(info["space_version"], 1)
        self.assertIn("ln_macs", info["feature_layout"])
        self.assertTrue(any(name.startswith("onehot21:") for name in info["feature_layout"]))  # 22 layers

    def test_fbnet_strings_predict_as_the_cpp_api_does(self):
        got = self.fbnet_bound.predict(self.strings)
        self.assertEqual(got.shape, (len(self.strings),))
        np.testing.assert_allclose(got, self.ms, rtol=1e-12)
        self.assertEqual(self.fbnet_bound.predict(self.strings[3])[0], got[3])

    def test_adapt_on_fbnet_strings_and_save(self):
        measured = self.ms[:5] * 1.8
        adapted = self.fbnet.adapt(self.strings[:5], measured, descriptor=DESCRIPTOR, device="unseen")
        before = np.abs(np.log(self.ms[:5] / measured)).mean()
        self.assertLess(np.abs(np.log(adapted.predict(self.strings[:5]) / measured)).mean(), before)
        with tempfile.TemporaryDirectory() as d:
            path = os.path.join(d, "fbnet.maplepred")
            adapted.save(path)
            again = maple.Predictor(path)
            self.assertEqual(again.search_space, "fbnet")
            np.testing.assert_array_equal(again.predict(self.strings), adapted.predict(self.strings))

    def test_architectures_of_another_space_are_refused(self):
        with self.assertRaisesRegex(ValueError, "architecture 0"):
            self.nb201_bound.predict([self.strings[0]])
        with self.assertRaisesRegex(ValueError, "architecture 0"):
            self.fbnet_bound.predict([ARCH])
        with self.assertRaisesRegex(ValueError, "fbnet has no integer index"):
            self.fbnet_bound.predict(np.array([0, 1]))
        with self.assertRaisesRegex(ValueError, "fbnet has no integer index"):
            self.fbnet_bound.predict([7])
        with self.assertRaisesRegex(ValueError, "not enumerable"):
            self.fbnet_bound.predict_all()
        with self.assertRaisesRegex(ValueError, "architecture 0"):
            self.fbnet.adapt([ARCH], [1.0], descriptor=DESCRIPTOR)


if __name__ == "__main__":
    unittest.main()
