package dev.nereid.bench.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CommitNumbersTest {

    @Test
    void oneToNInAnyOrderIsDense() {
        CommitNumbers commits = new CommitNumbers();
        for (long n : new long[] {3, 1, 2, 5, 4}) {
            commits.add(n);
        }
        assertThat(commits.areDense()).isTrue();
        assertThat(commits.answers()).isEqualTo(5);
        assertThat(commits.last()).isEqualTo(5);
    }

    @Test
    void aRepeatedNumberIsCaughtEvenWhenTheCountMatchesTheLast() {
        CommitNumbers commits = new CommitNumbers();
        for (long n : new long[] {1, 2, 2, 4}) {
            commits.add(n);
        }
        assertThat(commits.answers()).isEqualTo(commits.last());
        assertThat(commits.areDense()).isFalse();
    }

    @Test
    void aGapOrANumberBelowOneIsNotDense() {
        CommitNumbers gap = new CommitNumbers();
        gap.add(1);
        gap.add(3);
        assertThat(gap.areDense()).isFalse();

        CommitNumbers zero = new CommitNumbers();
        zero.add(0);
        assertThat(zero.areDense()).isFalse();
    }

    @Test
    void noAnswersIsTriviallyDense() {
        assertThat(new CommitNumbers().areDense()).isTrue();
        assertThat(new CommitNumbers().last()).isZero();
    }
}
