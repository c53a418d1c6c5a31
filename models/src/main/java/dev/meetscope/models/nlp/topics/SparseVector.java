package dev.meetscope.models.nlp.topics;

/** A sparse vector over a vocabulary: sorted term indexes and their weights. */
record SparseVector(int[] index, double[] value) {

  double dot(SparseVector o) {
    double s = 0;
    int i = 0;
    int j = 0;
    while (i < index.length && j < o.index.length) {
      if (index[i] == o.index[j]) {
        s += value[i++] * o.value[j++];
      } else if (index[i] < o.index[j]) {
        i++;
      } else {
        j++;
      }
    }
    return s;
  }

  double dot(double[] dense) {
    double s = 0;
    for (int i = 0; i < index.length; i++) {
      s += value[i] * dense[index[i]];
    }
    return s;
  }

  void addTo(double[] dense) {
    for (int i = 0; i < index.length; i++) {
      dense[index[i]] += value[i];
    }
  }
}
