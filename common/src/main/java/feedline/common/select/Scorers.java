package feedline.common.select;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds a scorer factory by ServiceLoader name or by class name. */
public final class Scorers {
  private Scorers() {}

  public static UncertaintyScorerFactory factory(String nameOrClass) {
    List<String> names = new ArrayList<>();
    for (UncertaintyScorerFactory f : ServiceLoader.load(UncertaintyScorerFactory.class, Scorers.class.getClassLoader())) {
      if (f.name().equals(nameOrClass)) return f;
      names.add(f.name());
    }
    try {
      Class<?> c = Class.forName(nameOrClass, true, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : Scorers.class.getClassLoader());
      if (!UncertaintyScorerFactory.class.isAssignableFrom(c)) {
        throw new IllegalArgumentException("class " + nameOrClass + " is not an " + UncertaintyScorerFactory.class.getName());
      }
      return (UncertaintyScorerFactory) c.getDeclaredConstructor().newInstance();
    } catch (ClassNotFoundException e) {
      throw new IllegalArgumentException("no uncertainty scorer '" + nameOrClass + "'; registered: " + names
          + ", or the class name of an " + UncertaintyScorerFactory.class.getSimpleName());
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create scorer factory " + nameOrClass + ": " + e, e);
    }
  }

  public static UncertaintyScorer create(String nameOrClass, Map<String, String> options) {
    return factory(nameOrClass).create(options);
  }
}
